package dev.owp.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.task.TaskId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

  @ParameterizedTest
  @EnumSource
  void wireNameIsDottedAndParsesBack(EventType type) {
    assertThat(type.wireName()).matches("[a-z]+\\.[a-z]+");
    assertThat(EventType.fromWire(type.wireName())).isEqualTo(type);
  }

  @Test
  void v01NamesAreKept() {
    assertThat(EventType.REPO_UPSERT.wireName()).isEqualTo("repo.upsert");
    assertThat(EventType.WORKER_REGISTER.wireName()).isEqualTo("worker.register");
    assertThat(EventType.TASK_CREATE.wireName()).isEqualTo("task.create");
    assertThat(EventType.TASK_STATUS.wireName()).isEqualTo("task.status");
    assertThat(EventType.TASK_LEASED.wireName()).isEqualTo("task.leased");
    assertThat(EventType.TASK_REQUEUED.wireName()).isEqualTo("task.requeued");
  }

  @Test
  void unknownTypeIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventType.fromWire("worker.heartbeat"))
        .withMessage("unknown event type 'worker.heartbeat'");
  }

  @Test
  void taskHistoryQueryAsksForTheLargestPage() {
    assertThat(EventQuery.ofTask(TaskId.of("t_1")))
        .isEqualTo(new EventQuery(TaskId.of("t_1"), null, null, null, 500, null));
    assertThat(EventQuery.recent().limit()).isEqualTo(100);
    assertThat(EventQuery.recent().after("c9").cursor()).isEqualTo("c9");
  }
}
