package dev.owp.poold.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.problem.ProblemType;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import tools.jackson.databind.JsonNode;

/** Assertions on RFC 9457 problem answers, seen raw or through the typed client. */
public final class ProblemAssertions {

  private ProblemAssertions() {}

  /** The problem a client call failed with; fails when it did not fail. */
  public static OwpProblemException problemOf(ThrowingCallable call) {
    OwpProblemException e = catchThrowableOfType(OwpProblemException.class, call);
    assertThat(e).as("the call should have been refused with a problem").isNotNull();
    return e;
  }

  /**
   * Asserts that {@code call} is refused with a problem of {@code type} and exactly {@code detail}.
   */
  public static OwpProblemException assertRefused(
      ThrowingCallable call, ProblemType type, String detail) {
    OwpProblemException e = problemOf(call);
    assertThat(e.status()).as("status").isEqualTo(type.status());
    assertThat(e.problem().type()).as("type").isEqualTo(type.uri().toString());
    assertThat(e.problem().title()).as("title").isEqualTo(type.title());
    assertThat(e.problem().detail()).as("detail").isEqualTo(detail);
    return e;
  }

  /** Asserts that {@code call} is refused with a problem of {@code type}; returns it. */
  public static OwpProblemException assertRefused(ThrowingCallable call, ProblemType type) {
    OwpProblemException e = problemOf(call);
    assertThat(e.status()).as("status").isEqualTo(type.status());
    assertThat(e.problem().type()).as("type").isEqualTo(type.uri().toString());
    assertThat(e.problem().title()).as("title").isEqualTo(type.title());
    return e;
  }

  /**
   * Asserts a raw answer is a problem: status, {@code application/problem+json}, type, title,
   * status member and exactly {@code detail}. Returns the body.
   */
  public static JsonNode assertProblem(RawHttp.Response response, ProblemType type, String detail) {
    JsonNode body = assertProblem(response, type);
    assertThat(body.path("detail").asString()).as("detail").isEqualTo(detail);
    return body;
  }

  /** As {@link #assertProblem(RawHttp.Response, ProblemType, String)}, any detail. */
  public static JsonNode assertProblem(RawHttp.Response response, ProblemType type) {
    assertThat(response.status()).as("status of %s", response.body()).isEqualTo(type.status());
    assertThat(response.contentType()).startsWith("application/problem+json");
    JsonNode body = response.json();
    assertThat(body.path("type").asString()).as("type").isEqualTo(type.uri().toString());
    assertThat(body.path("title").asString()).as("title").isEqualTo(type.title());
    assertThat(body.path("status").asInt()).as("status member").isEqualTo(type.status());
    assertThat(body.path("detail").isString()).as("detail is text").isTrue();
    return body;
  }
}
