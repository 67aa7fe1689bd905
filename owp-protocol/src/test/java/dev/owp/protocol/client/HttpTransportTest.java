package dev.owp.protocol.client;

import static dev.owp.protocol.testing.GoldenRecords.HEARTBEAT_REQUEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.owp.protocol.problem.ProblemType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How the client turns what comes back (or does not) into exceptions. */
class HttpTransportTest {

  private final FakePoold poold = FakePoold.start();
  private final OwpClient client = clientOf(poold.uri()).workerToken("tok").build();

  /** A builder of the client under test: over the JDK's HTTP client unless a subclass says. */
  OwpClient.Builder clientOf(URI server) {
    return OwpClient.builder(server);
  }

  @AfterEach
  void stopPoold() {
    poold.close();
  }

  private OwpProblemException heartbeatFailure() {
    return catchThrowableOfType(
        OwpProblemException.class, () -> client.heartbeat(HEARTBEAT_REQUEST));
  }

  @Test
  void problemDetailBecomesAProblemExceptionWithItsType() {
    poold.answer(
        "POST",
        "/v1/workers/heartbeat",
        409,
        "application/problem+json",
        """
        {"type": "https://owp.dev/problems/lease-lost", "title": "Lease lost", "status": 409,
         "detail": "Lease l_0a1b is no longer held", "lease_id": "l_0a1b"}
        """);

    OwpProblemException problem = heartbeatFailure();

    assertThat(problem.status()).isEqualTo(409);
    assertThat(problem.type()).contains(ProblemType.LEASE_LOST);
    assertThat(problem.problem().title()).isEqualTo("Lease lost");
    assertThat(problem.problem().detail()).isEqualTo("Lease l_0a1b is no longer held");
    assertThat(problem).hasMessage("HTTP 409 Lease l_0a1b is no longer held");
  }

  @Test
  void v01ErrorWithOnlyADetailIsReadable() {
    poold.answer("POST", "/v1/workers/heartbeat", 401, "{\"detail\":\"Invalid worker token\"}");

    OwpProblemException problem = heartbeatFailure();

    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.type()).isEmpty();
    assertThat(problem.problem().detail()).isEqualTo("Invalid worker token");
    assertThat(problem).hasMessage("HTTP 401 Invalid worker token");
  }

  @Test
  void structuredDetailIsKeptAsJsonText() {
    poold.answer(
        "POST",
        "/v1/workers/heartbeat",
        422,
        "{\"detail\":[{\"loc\":[\"body\",\"status\"],\"msg\":\"bad\"}]}");

    assertThat(heartbeatFailure().problem().detail())
        .isEqualTo("[{\"loc\":[\"body\",\"status\"],\"msg\":\"bad\"}]");
  }

  @Test
  void problemWithoutDetailIsDescribedByItsTitle() {
    poold.answer(
        "POST",
        "/v1/workers/heartbeat",
        401,
        "application/problem+json",
        "{\"type\":\"https://owp.dev/problems/unauthenticated\",\"title\":\"Authentication required\",\"status\":401}");

    OwpProblemException problem = heartbeatFailure();

    assertThat(problem.type()).contains(ProblemType.UNAUTHENTICATED);
    assertThat(problem.problem().detail()).isNull();
    assertThat(problem).hasMessage("HTTP 401 Authentication required");
  }

  @Test
  void nonJsonErrorBodyStillGivesAReadableProblem() {
    poold.answer(
        "POST",
        "/v1/workers/heartbeat",
        502,
        "text/html",
        "<html>\n  <body>Bad   Gateway</body>\n</html>\n");

    OwpProblemException problem = heartbeatFailure();

    assertThat(problem.status()).isEqualTo(502);
    assertThat(problem.type()).isEmpty();
    assertThat(problem.problem().detail()).isEqualTo("<html> <body>Bad Gateway</body> </html>");
    assertThat(problem).hasMessage("HTTP 502 <html> <body>Bad Gateway</body> </html>");
  }

  @Test
  void longNonJsonErrorBodyIsAbbreviated() {
    poold.answer("POST", "/v1/workers/heartbeat", 500, "text/plain", "x".repeat(5_000));

    assertThat(heartbeatFailure().problem().detail()).hasSize(201).endsWith("x…");
  }

  @Test
  void errorWithoutABodyKeepsItsStatus() {
    poold.answer("POST", "/v1/workers/heartbeat", 503, null, "");

    OwpProblemException problem = heartbeatFailure();

    assertThat(problem.status()).isEqualTo(503);
    assertThat(problem.getMessage()).startsWith("HTTP 503");
  }

  @Test
  void unreadableSuccessfulAnswerIsAProblemNamingTheServer() {
    poold.answer("POST", "/v1/workers/heartbeat", 200, "text/plain", "hello from a proxy");

    OwpProblemException problem = heartbeatFailure();

    assertThat(problem.status()).isEqualTo(200);
    assertThat(problem.problem().title()).isEqualTo("Unreadable response");
    assertThat(problem.problem().detail())
        .isEqualTo("unexpected answer from " + poold.uri() + ": hello from a proxy");
  }

  @Test
  void successfulAnswerOfTheWrongShapeIsAProblem() {
    poold.answer("POST", "/v1/workers/heartbeat", 200, "[1, 2, 3]");

    assertThat(heartbeatFailure().problem().title()).isEqualTo("Unreadable response");
  }

  @Test
  void closedPortIsUnreachableWithConnectionRefused() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    URI server = URI.create("http://127.0.0.1:" + port);
    OwpClient closed = clientOf(server).workerToken("tok").build();

    OwpUnreachableException unreachable =
        catchThrowableOfType(
            OwpUnreachableException.class, () -> closed.heartbeat(HEARTBEAT_REQUEST));

    assertThat(unreachable.getMessage())
        .startsWith("cannot reach http://")
        .isEqualTo("cannot reach " + server + ": connection refused");
    assertThat(unreachable).hasCauseInstanceOf(ConnectException.class);
  }

  @Test
  void anUnknownHostIsSaidSoAndNotConnectionRefused() {
    URI server = URI.create("http://nonexistent.invalid:8787");
    OwpClient nowhere = clientOf(server).workerToken("tok").build();

    OwpUnreachableException unreachable =
        catchThrowableOfType(
            OwpUnreachableException.class, () -> nowhere.heartbeat(HEARTBEAT_REQUEST));

    assertThat(unreachable)
        .hasMessage("cannot reach " + server + ": unknown host nonexistent.invalid");
  }

  @Test
  void anUnresolvedAddressDeepInTheCausesIsAnUnknownHost() {
    URI server = URI.create("http://nowhere.invalid");
    ConnectException refused = new ConnectException();
    refused.initCause(new IOException(new UnresolvedAddressException()));

    assertThat(HttpTransport.why(server, refused)).isEqualTo("unknown host nowhere.invalid");
    assertThat(HttpTransport.why(server, new ConnectException())).isEqualTo("connection refused");
  }

  @Test
  void serverThatDoesNotAnswerInTimeIsUnreachable() {
    poold.hang("POST", "/v1/workers/heartbeat");
    OwpClient impatient =
        clientOf(poold.uri()).workerToken("tok").timeout(Duration.ofMillis(200)).build();

    OwpUnreachableException unreachable =
        catchThrowableOfType(
            OwpUnreachableException.class, () -> impatient.heartbeat(HEARTBEAT_REQUEST));

    assertThat(unreachable).hasMessage("cannot reach " + poold.uri() + ": no answer in time");
  }
}
