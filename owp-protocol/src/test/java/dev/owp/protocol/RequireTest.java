package dev.owp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

  @Test
  void presentRefusesNullNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.present("name", null))
        .withMessage("name is required");
    assertThat(Require.present("name", "x")).isEqualTo("x");
  }

  @ParameterizedTest
  @CsvSource({
    "1, 5, '',        title must be 1 to 5 characters",
    "1, 5, 'abcdef',  title must be 1 to 5 characters",
    "0, 5, 'abcdef',  title must be at most 5 characters",
    "1, 5, '   ',     title must not be blank"
  })
  void textChecksLengthAndBlankness(int min, int max, String value, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.text("title", value, min, max))
        .withMessage(message);
  }

  @Test
  void optionalTextAllowsNullAndBlank() {
    assertThat(Require.optionalText("note", null, 3)).isNull();
    assertThat(Require.optionalText("note", "  ", 3)).isEqualTo("  ");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.optionalText("note", "four", 3))
        .withMessage("note must be at most 3 characters");
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F})
  void textRefusesControlCharactersNamingTheFieldAndTheCharacter(int control) {
    String value = "a" + (char) control + "b";
    String message =
        String.format("title must not contain control characters (found U+%04X)", control);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.text("title", value, 1, 10))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.optionalText("title", value, 10))
        .withMessage(message);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.noControlCharacters("title", value))
        .withMessage(message);
  }

  @Test
  void textAllowsTabsLineBreaksAndOtherCharacters() {
    String value = "line 1\r\n\tline 2\u007f é 💡";

    assertThat(Require.text("description", value, 1, 100)).isEqualTo(value);
    assertThat(Require.optionalText("description", value, 100)).isEqualTo(value);
  }

  @Test
  void withoutControlCharactersLeavesOutWhatTextRefusesAndNothingElse() {
    String kept = "line 1\r\n\tline 2\u007f é 💡";

    assertThat(Require.withoutControlCharacters("\u0000a\u001b[31mb\u0007" + kept + "\u001f"))
        .isEqualTo("a[31mb" + kept);
    assertThat(Require.text("description", Require.withoutControlCharacters("x\u0000y"), 1, 9))
        .isEqualTo("xy");
  }

  @Test
  void rangeIsInclusive() {
    assertThat(Require.range("n", 1, 1, 3)).isEqualTo(1);
    assertThat(Require.range("n", 3, 1, 3)).isEqualTo(3);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.range("n", 4, 1, 3))
        .withMessage("n must be between 1 and 3");
  }

  @Test
  void matchesDescribesTheShape() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> Require.matches("code", "ab1", Pattern.compile("[a-z]+"), "lower-case letters"))
        .withMessage("code must be lower-case letters");
  }

  @Test
  void sizeLimitsCollections() {
    assertThat(Require.size("xs", List.of(1, 2), 2)).hasSize(2);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Require.size("xs", List.of(1, 2, 3), 2))
        .withMessage("xs must have at most 2 items");
  }
}
