package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class TaskStatusTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  @ParameterizedTest
  @CsvSource({
    // status,    held,  active, expiresWhenSilent, final, workerSettable
    "READY,       false, false,  false,             false, false",
    "LEASED,      true,  true,   true,              false, false",
    "IN_PROGRESS, true,  true,   true,              false, true",
    "BLOCKED,     true,  false,  true,              false, true",
    "PR_OPENED,   true,  false,  false,             false, true",
    "MERGED,      false, false,  false,             true,  true",
    "CANCELLED,   false, false,  false,             true,  false"
  })
  void predicatesClassifyEveryStatus(
      TaskStatus status,
      boolean held,
      boolean active,
      boolean expiresWhenSilent,
      boolean isFinal,
      boolean workerSettable) {
    assertThat(status.isHeld()).as("isHeld").isEqualTo(held);
    assertThat(status.isActive()).as("isActive").isEqualTo(active);
    assertThat(status.expiresWhenSilent()).as("expiresWhenSilent").isEqualTo(expiresWhenSilent);
    assertThat(status.isFinal()).as("isFinal").isEqualTo(isFinal);
    assertThat(status.isWorkerSettable()).as("isWorkerSettable").isEqualTo(workerSettable);
  }

  @ParameterizedTest
  @EnumSource
  void activeTasksAreAlwaysHeld(TaskStatus status) {
    if (status.isActive()) {
      assertThat(status.isHeld()).isTrue();
    }
  }

  @Test
  void aTaskAwaitingReviewNeverExpires() {
    assertThat(TaskStatus.PR_OPENED.expiresWhenSilent()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "ready,         READY",
    "in_progress,   IN_PROGRESS",
    "IN_PROGRESS,   IN_PROGRESS",
    "Pr_Opened,     PR_OPENED",
    "'  merged  ',  MERGED",
    "cancelled,     CANCELLED"
  })
  void fromWireIsCaseInsensitiveAndIgnoresSurroundingSpace(String wire, TaskStatus expected) {
    assertThat(TaskStatus.fromWire(wire)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"done", "", "in progress", "pr-opened"})
  void fromWireRejectsUnknownStatusesListingTheValidOnes(String wire) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskStatus.fromWire(wire))
        .withMessage(
            "unknown task status '"
                + wire
                + "'; expected one of ready, leased, in_progress, blocked, pr_opened, merged,"
                + " cancelled");
  }

  @ParameterizedTest
  @EnumSource
  void wireNameIsTheLowerCaseNameAndParsesBack(TaskStatus status) {
    assertThat(status.wireName()).isEqualTo(status.name().toLowerCase(java.util.Locale.ROOT));
    assertThat(TaskStatus.fromWire(status.wireName())).isEqualTo(status);
  }

  @Test
  void allWireNamesAreInLifecycleOrder() {
    assertThat(TaskStatus.allWireNames())
        .isEqualTo("ready, leased, in_progress, blocked, pr_opened, merged, cancelled");
  }

  @Test
  void statusIsAPlainLowerCaseStringOnTheWire() {
    assertThat(JSON.writeValueAsString(TaskStatus.PR_OPENED)).isEqualTo("\"pr_opened\"");
    assertThat(JSON.readValue("\"IN_PROGRESS\"", TaskStatus.class))
        .isEqualTo(TaskStatus.IN_PROGRESS);
  }
}
