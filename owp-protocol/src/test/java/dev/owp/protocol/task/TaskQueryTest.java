package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.worker.WorkerQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskQueryTest {

  @Test
  void allIsTheFirstPageOfAHundredTasks() {
    assertThat(TaskQuery.all()).isEqualTo(new TaskQuery(null, null, 100, null));
  }

  @Test
  void afterKeepsTheFiltersAndMovesTheCursor() {
    TaskQuery query = new TaskQuery("demo", TaskStatus.READY, 20, null);

    assertThat(query.after("c2")).isEqualTo(new TaskQuery("demo", TaskStatus.READY, 20, "c2"));
  }

  @Test
  void aRepositoryFilterWithAControlCharacterIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TaskQuery("de\u0000mo", null, 10, null))
        .withMessage("repo must not contain control characters (found U+0000)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new EventQuery(null, null, "de\u0000mo", null, 10, null))
        .withMessage("repo must not contain control characters (found U+0000)");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 501})
  void pageSizeMustBeBetweenOneAnd500(int limit) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new TaskQuery(null, null, limit, null))
        .withMessage("limit must be between 1 and 500");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new WorkerQuery(null, limit, null))
        .withMessage("limit must be between 1 and 500");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new EventQuery(null, null, null, null, limit, null))
        .withMessage("limit must be between 1 and 500");
  }
}
