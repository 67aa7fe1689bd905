package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BulkResultTest {

  @Test
  void totalsAreCountedFromTheResults() {
    List<TaskUpsert> results =
        List.of(
            new TaskUpsert(TaskId.of("t_1"), "a", UpsertOutcome.CREATED),
            new TaskUpsert(TaskId.of("t_2"), "b", UpsertOutcome.UPDATED),
            new TaskUpsert(TaskId.of("t_3"), null, UpsertOutcome.CREATED),
            new TaskUpsert(TaskId.of("t_4"), "d", UpsertOutcome.UNCHANGED));

    assertThat(BulkResult.of(results)).isEqualTo(new BulkResult(true, 2, 1, 1, results));
  }

  @Test
  void upsertOutcomesAreLowerCaseOnTheWire() {
    assertThat(UpsertOutcome.CREATED.wireName()).isEqualTo("created");
    assertThat(UpsertOutcome.UNCHANGED.wireName()).isEqualTo("unchanged");
  }
}
