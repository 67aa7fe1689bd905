package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class OccupancyTest {

  private static final int POINTS = 3;

  /**
   * What a 3-point task occupies in each status, written out independently of the TaskStatus
   * predicates: (worker points, worker slots, review slots).
   */
  private static final Map<TaskStatus, Occupancy> EXPECTED =
      Map.of(
          TaskStatus.READY, new Occupancy(0, 0, 0),
          TaskStatus.LEASED, new Occupancy(3, 1, 1),
          TaskStatus.IN_PROGRESS, new Occupancy(3, 1, 1),
          TaskStatus.BLOCKED, new Occupancy(0, 0, 1),
          TaskStatus.PR_OPENED, new Occupancy(0, 0, 1),
          TaskStatus.MERGED, new Occupancy(0, 0, 0),
          TaskStatus.CANCELLED, new Occupancy(0, 0, 0));

  @ParameterizedTest
  @CsvSource({
    "READY,       0, 0, 0",
    "LEASED,      3, 1, 1",
    "IN_PROGRESS, 3, 1, 1",
    "BLOCKED,     0, 0, 1",
    "PR_OPENED,   0, 0, 1",
    "MERGED,      0, 0, 0",
    "CANCELLED,   0, 0, 0"
  })
  void occupancyOfEachStatus(TaskStatus status, int points, int slots, int reviewSlots) {
    assertThat(Occupancy.of(status, POINTS)).isEqualTo(new Occupancy(points, slots, reviewSlots));
  }

  static Stream<Arguments> everyPair() {
    List<Arguments> pairs = new ArrayList<>();
    for (TaskStatus from : TaskStatus.values()) {
      for (TaskStatus to : TaskStatus.values()) {
        Occupancy before = EXPECTED.get(from);
        Occupancy after = EXPECTED.get(to);
        pairs.add(
            Arguments.of(
                from,
                to,
                new Occupancy(
                    after.workerPoints() - before.workerPoints(),
                    after.workerTasks() - before.workerTasks(),
                    after.reviewSlots() - before.reviewSlots())));
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} -> {1}: {2}")
  @MethodSource("everyPair")
  void changeOfEveryPairIsTheDifferenceOfTheOccupancies(
      TaskStatus from, TaskStatus to, Occupancy expected) {
    assertThat(Occupancy.change(from, to, POINTS)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    // from,      to,          points, slots, review, takesWorkerCapacity
    "READY,       LEASED,      3,      1,     1,      true",
    "LEASED,      IN_PROGRESS, 0,      0,     0,      false",
    "IN_PROGRESS, BLOCKED,     -3,     -1,    0,      false",
    "IN_PROGRESS, PR_OPENED,   -3,     -1,    0,      false",
    "BLOCKED,     IN_PROGRESS, 3,      1,     0,      true",
    "PR_OPENED,   IN_PROGRESS, 3,      1,     0,      true",
    "PR_OPENED,   MERGED,      0,      0,     -1,     false",
    "IN_PROGRESS, READY,       -3,     -1,    -1,     false",
    "BLOCKED,     READY,       0,      0,     -1,     false",
    "LEASED,      CANCELLED,   -3,     -1,    -1,     false",
    "PR_OPENED,   CANCELLED,   0,      0,     -1,     false",
    "READY,       CANCELLED,   0,      0,     0,      false"
  })
  void lifecycleMovesChangeTheCounters(
      TaskStatus from,
      TaskStatus to,
      int points,
      int slots,
      int reviewSlots,
      boolean takesWorkerCapacity) {
    Occupancy change = Occupancy.change(from, to, POINTS);

    assertThat(change).isEqualTo(new Occupancy(points, slots, reviewSlots));
    assertThat(change.takesWorkerCapacity()).isEqualTo(takesWorkerCapacity);
  }

  @Test
  void openingAPullRequestFreesWorkerCapacityButKeepsTheReviewSlot() {
    Occupancy change = Occupancy.change(TaskStatus.IN_PROGRESS, TaskStatus.PR_OPENED, 2);

    assertThat(change.workerPoints()).isEqualTo(-2);
    assertThat(change.workerTasks()).isEqualTo(-1);
    assertThat(change.reviewSlots()).isZero();
  }

  @Test
  void mergingFreesTheReviewSlot() {
    assertThat(Occupancy.change(TaskStatus.PR_OPENED, TaskStatus.MERGED, 2))
        .isEqualTo(new Occupancy(0, 0, -1));
  }

  @Test
  void aFullLifecycleLeavesTheCountersWhereTheyStarted() {
    List<TaskStatus> path =
        List.of(
            TaskStatus.READY,
            TaskStatus.LEASED,
            TaskStatus.IN_PROGRESS,
            TaskStatus.BLOCKED,
            TaskStatus.IN_PROGRESS,
            TaskStatus.PR_OPENED,
            TaskStatus.IN_PROGRESS,
            TaskStatus.PR_OPENED,
            TaskStatus.MERGED);
    int points = 0;
    int slots = 0;
    int review = 0;
    for (int i = 1; i < path.size(); i++) {
      Occupancy step = Occupancy.change(path.get(i - 1), path.get(i), 4);
      points += step.workerPoints();
      slots += step.workerTasks();
      review += step.reviewSlots();
      assertThat(review).as("review slots after %s", path.get(i)).isBetween(0, 1);
      assertThat(slots).as("worker slots after %s", path.get(i)).isBetween(0, 1);
    }
    assertThat(new Occupancy(points, slots, review)).isEqualTo(Occupancy.NONE);
  }

  @Test
  void minusSubtractsFieldByField() {
    assertThat(new Occupancy(5, 2, 1).minus(new Occupancy(2, 1, 1)))
        .isEqualTo(new Occupancy(3, 1, 0));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0, 0, false",
    "0, 0, 1, false",
    "1, 0, 0, true",
    "0, 1, 0, true",
    "-1, -1, 0, false"
  })
  void takesWorkerCapacityOnlyWhenUsageGrows(
      int points, int slots, int review, boolean takesWorkerCapacity) {
    assertThat(new Occupancy(points, slots, review).takesWorkerCapacity())
        .isEqualTo(takesWorkerCapacity);
  }
}
