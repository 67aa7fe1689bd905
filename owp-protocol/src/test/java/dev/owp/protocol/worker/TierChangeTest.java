package dev.owp.protocol.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TierChangeTest {

  @Test
  void tierIsRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TierChange.of(null, "trusted"))
        .withMessage("tier is required");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 4})
  void tierOutsideZeroToThreeIsRefused(int tier) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TierChange.of(tier, null))
        .withMessage("tier must be between 0 and 3");
  }

  @Test
  void reasonIsLimitedTo500Characters() {
    assertThat(TierChange.of(2, "r".repeat(500)).reason()).hasSize(500);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TierChange.of(2, "r".repeat(501)))
        .withMessage("reason must be at most 500 characters");
  }
}
