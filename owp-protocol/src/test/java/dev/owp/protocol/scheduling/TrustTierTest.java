package dev.owp.protocol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TrustTierTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void tiersZeroToThreeAreValid(int tier) {
    assertThat(TrustTier.require("tier", tier)).isEqualTo(tier);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 4, 100})
  void otherTiersAreRejectedNamingTheField(int tier) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TrustTier.require("trust_tier", tier))
        .withMessage("trust_tier must be between 0 and 3");
  }

  @ParameterizedTest(name = "worker {0}, task {1}: {2}")
  @CsvSource({"0, 0, true", "3, 0, true", "2, 2, true", "1, 2, false", "0, 3, false"})
  void workerTakesTasksOfItsTierAndBelow(int workerTier, int taskTier, boolean admits) {
    assertThat(TrustTier.admits(workerTier, taskTier)).isEqualTo(admits);
  }
}
