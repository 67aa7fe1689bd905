package dev.owp.protocol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkerLoadTest {

  @ParameterizedTest(name = "using {0}p/{1} of {2}p/{3}, task {4}p: fits={5}")
  @CsvSource({
    // usedPoints, usedTasks, capacity, slots, estimate, fits
    "0, 0, 5,  2, 1, true",
    "0, 0, 5,  2, 5, true",
    "0, 0, 5,  2, 6, false",
    "4, 1, 5,  2, 1, true",
    "4, 1, 5,  2, 2, false",
    "0, 2, 10, 2, 1, false",
    "1, 1, 10, 2, 9, true"
  })
  void taskFitsWhenASlotAndEnoughPointsAreFree(
      int usedPoints, int usedTasks, int capacity, int slots, int estimate, boolean fits) {
    assertThat(new WorkerLoad(usedPoints, usedTasks, capacity, slots).fits(estimate))
        .isEqualTo(fits);
  }

  @ParameterizedTest(name = "using {0}p/{1} of {2}p/{3}: full={4}")
  @CsvSource({"0, 0, 5, 2, false", "4, 1, 5, 2, false", "5, 1, 5, 2, true", "1, 2, 5, 2, true"})
  void workerIsFullWhenNotEvenOnePointFits(
      int usedPoints, int usedTasks, int capacity, int slots, boolean full) {
    assertThat(new WorkerLoad(usedPoints, usedTasks, capacity, slots).isFull()).isEqualTo(full);
  }

  @Test
  void freePointsAndSlotsAreWhatIsLeft() {
    WorkerLoad load = new WorkerLoad(3, 1, 5, 3);

    assertThat(load.freePoints()).isEqualTo(2);
    assertThat(load.freeSlots()).isEqualTo(2);
  }

  @Test
  void freePointsAndSlotsNeverGoNegativeWhenCapacityWasLowered() {
    WorkerLoad load = new WorkerLoad(8, 4, 5, 2);

    assertThat(load.freePoints()).isZero();
    assertThat(load.freeSlots()).isZero();
  }

  @Test
  void plusTakesPointsAndOneSlot() {
    assertThat(new WorkerLoad(1, 1, 5, 3).plus(2)).isEqualTo(new WorkerLoad(3, 2, 5, 3));
  }
}
