package dev.owp.protocol.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerViewTest {

  private static WorkerView worker(WorkerStatus status, PausedBy pausedBy) {
    return new WorkerView(
        WorkerId.of("w_1"),
        "laptop",
        null,
        List.of("java"),
        5,
        2,
        status,
        pausedBy,
        0,
        true,
        Instant.EPOCH,
        0,
        0,
        0,
        Instant.EPOCH);
  }

  @ParameterizedTest(name = "status {0}, paused by {1}: paused={2}")
  @CsvSource({
    "IDLE,    ,       false",
    "WORKING, ,       false",
    "PAUSED,  ,       true",
    "IDLE,    WORKER, true",
    "WORKING, ADMIN,  true"
  })
  void workerIsPausedByAnExplicitPauseOrByItsHeartbeat(
      WorkerStatus status, PausedBy pausedBy, boolean paused) {
    assertThat(worker(status, pausedBy).paused()).isEqualTo(paused);
  }

  @ParameterizedTest
  @CsvSource({"worker, WORKER", "ADMIN, ADMIN"})
  void pausedByParsesItsWireName(String wire, PausedBy expected) {
    assertThat(PausedBy.fromWire(wire)).isEqualTo(expected);
    assertThat(expected.wireName()).isEqualTo(expected.name().toLowerCase(Locale.ROOT));
  }

  @Test
  void skillsAreCopied() {
    ArrayList<String> skills = new ArrayList<>(List.of("java"));
    WorkerView view =
        new WorkerView(
            WorkerId.of("w_1"),
            "n",
            null,
            skills,
            5,
            2,
            WorkerStatus.IDLE,
            null,
            0,
            true,
            null,
            0,
            0,
            0,
            Instant.EPOCH);

    skills.add("docs");

    assertThat(view.skills()).containsExactly("java");
    assertThatThrownBy(() -> view.skills().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
