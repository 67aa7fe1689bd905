package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReasonTest {

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "  "})
  void blankReasonIsNone(String reason) {
    assertThat(Reason.of(reason)).isEqualTo(Reason.NONE);
  }

  @Test
  void reasonIsStripped() {
    assertThat(Reason.of("  worker left  ").reason()).isEqualTo("worker left");
  }

  @Test
  void reasonIsLimitedTo500Characters() {
    assertThat(Reason.of("r".repeat(500)).reason()).hasSize(500);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Reason.of("r".repeat(501)))
        .withMessage("reason must be 1 to 500 characters");
  }

  @Test
  void noReasonIsWrittenAsNull() {
    assertThat(OwpJson.mapper(Strictness.STRICT).writeValueAsString(Reason.NONE))
        .isEqualTo("{\"reason\":null}");
  }
}
