package dev.owp.protocol.budget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewBudgetTest {

  @ParameterizedTest(name = "held {0} of {1}: admits={2}")
  @CsvSource({
    "0, 3, true",
    "2, 3, true",
    "3, 3, false",
    "5, 3, false",
    "0, 1, true",
    "1, 1, false",
    "0, 0, false"
  })
  void budgetAdmitsAnotherTaskOnlyBelowTheLimit(int held, int maxOpenPrs, boolean admits) {
    assertThat(ReviewBudget.admits(held, maxOpenPrs)).isEqualTo(admits);
    assertThat(ReviewBudget.isThrottled(held, maxOpenPrs)).isEqualTo(!admits);
  }

  @Test
  void budgetOfZeroThrottlesAnEmptyRepository() {
    assertThat(ReviewBudget.isThrottled(0, 0)).isTrue();
  }

  @Test
  void defaultBudgetIsThreeAndTheLargestIsOneHundred() {
    assertThat(ReviewBudget.DEFAULT_MAX_OPEN_PRS).isEqualTo(3);
    assertThat(ReviewBudget.MAX_MAX_OPEN_PRS).isEqualTo(100);
  }
}
