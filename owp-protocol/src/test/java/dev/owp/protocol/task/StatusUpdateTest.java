package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import dev.owp.protocol.lease.LeaseId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class StatusUpdateTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  @ParameterizedTest
  @EnumSource(names = {"IN_PROGRESS", "BLOCKED", "PR_OPENED", "MERGED"})
  void workerMayReportTheFourWorkerStatuses(TaskStatus status) {
    assertThat(StatusUpdate.to(status).status()).isEqualTo(status);
  }

  @ParameterizedTest
  @EnumSource(names = {"READY", "LEASED", "CANCELLED"})
  void workerMayNotReportPoolOrAdminStatuses(TaskStatus status) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StatusUpdate.to(status))
        .withMessage(
            "status must be one of in_progress, blocked, pr_opened, merged (got "
                + status.wireName()
                + ")");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ready", "leased", "cancelled"})
  void poolStatusesAreRefusedOnTheWireToo(String status) {
    assertThatThrownBy(() -> JSON.readValue("{\"status\":\"" + status + "\"}", StatusUpdate.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("status must be one of in_progress, blocked, pr_opened, merged");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"status\":null}"})
  void statusIsRequired(String json) {
    assertThatThrownBy(() -> JSON.readValue(json, StatusUpdate.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StatusUpdate.of(null, "msg", null, null))
        .withMessage("status is required");
  }

  @Test
  void messageOf4000CharactersIsAcceptedAndLongerIsRefused() {
    assertThat(StatusUpdate.of(TaskStatus.BLOCKED, "m".repeat(4000), null, null).message())
        .hasSize(4000);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> StatusUpdate.of(TaskStatus.BLOCKED, "m".repeat(4001), null, null))
        .withMessage("message must be at most 4000 characters");
  }

  @Test
  void v01RequestWithoutLeaseIdIsAccepted() {
    String json =
        "{\"status\":\"merged\",\"message\":null,"
            + "\"artifact\":{\"pr_url\":\"https://github.com/o/r/pull/7\"}}";

    assertThat(JSON.readValue(json, StatusUpdate.class))
        .isEqualTo(
            new StatusUpdate(
                TaskStatus.MERGED,
                null,
                Artifact.ofPullRequest("https://github.com/o/r/pull/7"),
                null));
  }

  @Test
  void leaseIdIsReadFromTheWire() {
    assertThat(
            JSON.readValue(
                    "{\"status\":\"in_progress\",\"lease_id\":\"l_0a1b\"}", StatusUpdate.class)
                .leaseId())
        .isEqualTo(LeaseId.of("l_0a1b"));
  }
}
