package dev.owp.protocol.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemTypeTest {

  @ParameterizedTest
  @EnumSource
  void everyTypeIsFoundByItsUri(ProblemType type) {
    assertThat(type.uri().toString()).startsWith(ProblemType.BASE);
    assertThat(ProblemType.fromUri(type.uri().toString())).contains(type);
  }

  @Test
  void typeUrisAreDistinct() {
    assertThat(Arrays.stream(ProblemType.values()).map(ProblemType::uri)).doesNotHaveDuplicates();
  }

  @ParameterizedTest
  @CsvSource({
    "LEASE_LOST,         409, https://owp.dev/problems/lease-lost,         Lease lost",
    "NOT_YOUR_TASK,      403, https://owp.dev/problems/not-your-task,      Task not assigned to this worker",
    "ILLEGAL_TRANSITION, 409, https://owp.dev/problems/illegal-transition, Illegal status change",
    "UNAUTHENTICATED,    401, https://owp.dev/problems/unauthenticated,    Authentication required",
    "INVALID_REQUEST,    400, https://owp.dev/problems/invalid-request,    Invalid request"
  })
  void typesHaveStableStatusUriAndTitle(ProblemType type, int status, URI uri, String title) {
    assertThat(type.status()).isEqualTo(status);
    assertThat(type.uri()).isEqualTo(uri);
    assertThat(type.title()).isEqualTo(title);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "about:blank",
        "https://owp.dev/problems/",
        "https://owp.dev/problems/lease-lost/",
        "https://example.org/problems/lease-lost",
        "https://owp.dev/problems/LEASE-LOST"
      })
  void otherUrisAreNotOurs(String uri) {
    assertThat(ProblemType.fromUri(uri)).isEmpty();
  }

  @Test
  void problemKnowsItsTypeIfItIsOneOfOurs() {
    assertThat(
            new Problem(ProblemType.LEASE_LOST.uri().toString(), "Lease lost", 409, "gone")
                .problemType())
        .contains(ProblemType.LEASE_LOST);
    assertThat(new Problem("about:blank", "Conflict", 409, null).problemType()).isEmpty();
    assertThat(new Problem(null, null, 502, "bad gateway").problemType()).isEmpty();
  }
}
