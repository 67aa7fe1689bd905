package dev.owp.protocol.task;

import static dev.owp.protocol.task.TaskStatus.BLOCKED;
import static dev.owp.protocol.task.TaskStatus.CANCELLED;
import static dev.owp.protocol.task.TaskStatus.IN_PROGRESS;
import static dev.owp.protocol.task.TaskStatus.LEASED;
import static dev.owp.protocol.task.TaskStatus.MERGED;
import static dev.owp.protocol.task.TaskStatus.PR_OPENED;
import static dev.owp.protocol.task.TaskStatus.READY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.task.TaskStateMachine.WorkerMove;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStateMachineTest {

  /**
   * Every (from, to) pair of a worker's report. A = advance, N = note, D = already done, . =
   * illegal. Rows are the task's status, columns the status the worker reports.
   */
  private static final String WORKER_MOVES =
      """
                   ready  leased  in_progress  blocked  pr_opened  merged  cancelled
      ready        .      .       .            .        .          .       .
      leased       .      .       A            A        A          .       .
      in_progress  .      .       N            A        A          .       .
      blocked      .      .       A            N        A          .       .
      pr_opened    .      .       A            .        N          A       .
      merged       .      .       .            .        .          D       .
      cancelled    .      .       .            .        .          .       .
      """;

  static Stream<Arguments> everyPair() {
    List<String> lines = WORKER_MOVES.strip().lines().toList();
    List<TaskStatus> columns =
        Arrays.stream(lines.get(0).trim().split("\\s+")).map(TaskStatus::fromWire).toList();
    List<Arguments> pairs = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.trim().split("\\s+");
      TaskStatus from = TaskStatus.fromWire(cells[0]);
      for (int i = 0; i < columns.size(); i++) {
        pairs.add(Arguments.of(from, columns.get(i), move(cells[i + 1])));
      }
    }
    return pairs.stream();
  }

  private static WorkerMove move(String code) {
    return switch (code) {
      case "A" -> WorkerMove.ADVANCE;
      case "N" -> WorkerMove.NOTE;
      case "D" -> WorkerMove.ALREADY_DONE;
      case "." -> WorkerMove.ILLEGAL;
      default -> throw new IllegalArgumentException("unknown code " + code);
    };
  }

  @Test
  void tableCoversEveryPairOfStatuses() {
    int statuses = TaskStatus.values().length;
    assertThat(everyPair()).hasSize(statuses * statuses);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPair")
  void workerMoveClassifiesEveryPairOfStatuses(TaskStatus from, TaskStatus to, WorkerMove move) {
    assertThat(TaskStateMachine.workerMove(from, to)).isEqualTo(move);
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPair")
  void workerTargetsAreExactlyTheAdvances(TaskStatus from, TaskStatus to, WorkerMove move) {
    assertThat(TaskStateMachine.workerTargets(from).contains(to))
        .isEqualTo(move == WorkerMove.ADVANCE);
  }

  @Test
  void workerCannotJumpFromLeasedStraightToMerged() {
    assertThat(TaskStateMachine.workerMove(LEASED, MERGED)).isEqualTo(WorkerMove.ILLEGAL);
  }

  @Test
  void mergedTaskCannotBeReopened() {
    // The original accepted merged -> in_progress with a 200.
    assertThat(TaskStateMachine.workerMove(MERGED, IN_PROGRESS)).isEqualTo(WorkerMove.ILLEGAL);
  }

  @Test
  void changesRequestedOnAPullRequestSendTheTaskBackToInProgress() {
    assertThat(TaskStateMachine.workerMove(PR_OPENED, IN_PROGRESS)).isEqualTo(WorkerMove.ADVANCE);
  }

  @ParameterizedTest
  @EnumSource(names = {"READY", "LEASED", "CANCELLED"})
  void statusesAWorkerCannotReportAreIllegalFromAnywhere(TaskStatus to) {
    for (TaskStatus from : TaskStatus.values()) {
      assertThat(TaskStateMachine.workerMove(from, to))
          .as("%s -> %s", from, to)
          .isEqualTo(WorkerMove.ILLEGAL);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "leased,      'in_progress, blocked, pr_opened'",
    "in_progress, 'blocked, pr_opened'",
    "blocked,     'in_progress, pr_opened'",
    "pr_opened,   'in_progress, merged'",
    "ready,       ''",
    "merged,      ''",
    "cancelled,   ''"
  })
  void workerTargetsListTheEdgesOutOfAStatus(String from, String targets) {
    Set<TaskStatus> expected = EnumSet.noneOf(TaskStatus.class);
    if (!targets.isBlank()) {
      Arrays.stream(targets.split(",")).map(TaskStatus::fromWire).forEach(expected::add);
    }
    assertThat(TaskStateMachine.workerTargets(TaskStatus.fromWire(from)))
        .containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void workerTargetsAreACopyThatCallersCannotCorrupt() {
    Set<TaskStatus> targets = TaskStateMachine.workerTargets(LEASED);
    targets.clear();

    assertThat(TaskStateMachine.workerTargets(LEASED))
        .containsExactlyInAnyOrder(IN_PROGRESS, BLOCKED, PR_OPENED);
    assertThat(TaskStateMachine.workerMove(LEASED, IN_PROGRESS)).isEqualTo(WorkerMove.ADVANCE);
  }

  @ParameterizedTest
  @CsvSource({
    "in_progress, merged, 'Cannot move task from in_progress to merged: from in_progress a worker may move to blocked, pr_opened'",
    "pr_opened, blocked, 'Cannot move task from pr_opened to blocked: from pr_opened a worker may move to in_progress, merged'",
    "merged, in_progress, 'Cannot move task from merged to in_progress: a merged task cannot be changed by its worker'",
    "cancelled, merged, 'Cannot move task from cancelled to merged: a cancelled task cannot be changed by its worker'",
    "ready, in_progress, 'Cannot move task from ready to in_progress: a ready task cannot be changed by its worker'"
  })
  void refusalNamesBothStatusesAndTheAllowedMoves(String from, String to, String sentence) {
    assertThat(TaskStateMachine.refusal(TaskStatus.fromWire(from), TaskStatus.fromWire(to)))
        .isEqualTo(sentence);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyPair")
  void refusalOfAnyPairMentionsBothWireNames(TaskStatus from, TaskStatus to, WorkerMove ignored) {
    assertThat(TaskStateMachine.refusal(from, to))
        .startsWith("Cannot move task from " + from.wireName() + " to " + to.wireName() + ": ");
  }

  @ParameterizedTest
  @CsvSource({
    // status,    canLease, canReturnToPool, canCancel
    "ready,       true,     false,           true",
    "leased,      false,    true,            true",
    "in_progress, false,    true,            true",
    "blocked,     false,    true,            true",
    "pr_opened,   false,    true,            true",
    "merged,      false,    false,           false",
    "cancelled,   false,    false,           false"
  })
  void schedulerAndAdminMovesDependOnTheStatus(
      String status, boolean canLease, boolean canReturnToPool, boolean canCancel) {
    TaskStatus from = TaskStatus.fromWire(status);

    assertThat(TaskStateMachine.canLease(from)).as("canLease").isEqualTo(canLease);
    assertThat(TaskStateMachine.canReturnToPool(from))
        .as("canReturnToPool")
        .isEqualTo(canReturnToPool);
    assertThat(TaskStateMachine.canCancel(from)).as("canCancel").isEqualTo(canCancel);
  }

  @Test
  void onlyReadyTasksCanBeLeased() {
    assertThat(EnumSet.allOf(TaskStatus.class).stream().filter(TaskStateMachine::canLease))
        .containsExactly(READY);
  }

  @Test
  void finishedTasksCannotBeCancelled() {
    assertThat(TaskStateMachine.canCancel(MERGED)).isFalse();
    assertThat(TaskStateMachine.canCancel(CANCELLED)).isFalse();
  }
}
