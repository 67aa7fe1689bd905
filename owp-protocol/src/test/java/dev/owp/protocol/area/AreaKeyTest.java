package dev.owp.protocol.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AreaKeyTest {

  @ParameterizedTest
  @CsvSource({
    "auth,          auth",
    "' Auth',       auth",
    "'AUTH  ',      auth",
    "'  Docs/API ', docs/api",
    "'front end',   front end"
  })
  void parseTrimsAndLowerCases(String raw, String expected) {
    assertThat(AreaKey.parse(raw)).contains(new AreaKey(expected));
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t\n"})
  void parseOfNothingIsEmpty(String raw) {
    assertThat(AreaKey.parse(raw)).isEmpty();
    assertThat(AreaKey.normaliseOrNull(raw)).isNull();
  }

  @Test
  void areasThatDifferOnlyInCaseAndSpaceAreEqual() {
    assertThat(AreaKey.parse(" Auth ")).isEqualTo(AreaKey.parse("auth"));
  }

  @Test
  void areaOfAtMost120CharactersIsAccepted() {
    String area = "a".repeat(120);

    assertThat(AreaKey.normaliseOrNull("  " + area + "  ")).isEqualTo(area);
  }

  @Test
  void areaLongerThan120CharactersIsRejected() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> AreaKey.parse("a".repeat(121)))
        .withMessage("area must be 1 to 120 characters");
  }

  @ParameterizedTest
  @ValueSource(strings = {" auth", "Auth", "auth "})
  void constructorRejectsValuesThatAreNotNormalised(String value) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AreaKey(value))
        .withMessage("area must be trimmed and lower-case: '" + value + "'");
  }

  @Test
  void constructorRejectsEmptyValues() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new AreaKey(""))
        .withMessage("area must be 1 to 120 characters");
  }

  @Test
  void toStringIsTheValue() {
    assertThat(new AreaKey("docs")).hasToString("docs");
  }
}
