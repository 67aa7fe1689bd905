package dev.owp.protocol.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SkillsTest {

  @Test
  void normaliseTrimsLowerCasesAndDropsEmptyEntries() {
    assertThat(Skills.normalise("skills", Arrays.asList(" Java ", "DOCS", "", "  ", null, "Sql")))
        .containsExactly("java", "docs", "sql");
  }

  @Test
  void normaliseRemovesDuplicatesKeepingTheFirstPosition() {
    assertThat(Skills.normalise("skills", List.of("python", "Docs", "PYTHON", " docs", "go")))
        .containsExactly("python", "docs", "go");
  }

  @Test
  void normaliseKeepsTheGivenOrder() {
    assertThat(Skills.normalise("skills", List.of("zig", "ada", "go")))
        .containsExactly("zig", "ada", "go");
  }

  @Test
  void normaliseOfNothingIsAnEmptyList() {
    assertThat(Skills.normalise("skills", null)).isEmpty();
    assertThat(Skills.normalise("skills", List.of())).isEmpty();
  }

  @Test
  void normalisedListIsImmutable() {
    List<String> skills = Skills.normalise("skills", new ArrayList<>(List.of("java")));

    assertThatThrownBy(() -> skills.add("docs")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void fiftySkillsAreAccepted() {
    assertThat(Skills.normalise("skills", numbered(50))).hasSize(Skills.MAX_COUNT);
  }

  @Test
  void moreThanFiftySkillsAreRejectedNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Skills.normalise("required_skills", numbered(51)))
        .withMessage("required_skills must have at most 50 items");
  }

  @Test
  void duplicatesDoNotCountTowardsTheLimit() {
    List<String> raw = new ArrayList<>(numbered(50));
    raw.addAll(numbered(50).stream().map(String::toUpperCase).toList());

    assertThat(Skills.normalise("skills", raw)).hasSize(50);
  }

  @Test
  void skillOfFiftyCharactersIsAccepted() {
    String fifty = "a".repeat(50);

    assertThat(Skills.normalise("skills", List.of("  " + fifty + "  "))).containsExactly(fifty);
  }

  @Test
  void skillLongerThanFiftyCharactersIsRejectedNamingTheFieldAndTheSkill() {
    String long51 = "b".repeat(51);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Skills.normalise("skills", List.of("java", long51)))
        .withMessage("skills entries must be at most 50 characters: '" + long51 + "'");
  }

  @Test
  void skillWithAControlCharacterIsRejectedNamingTheField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Skills.normalise("required_skills", List.of("java", "py\u0000thon")))
        .withMessage("required_skills entries must not contain control characters (found U+0000)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "python, docs        | python,docs",
        "Python,,DOCS ,      | python,docs",
        "single              | single",
        "a,b,a               | a,b"
      })
  void parseCommaListSplitsAndNormalises(String commaList, String expected) {
    assertThat(Skills.parseCommaList("skills", commaList)).containsExactly(expected.split(","));
  }

  @Test
  void parseCommaListOfNothingIsEmpty() {
    assertThat(Skills.parseCommaList("skills", null)).isEmpty();
    assertThat(Skills.parseCommaList("skills", "")).isEmpty();
    assertThat(Skills.parseCommaList("skills", " , ,")).isEmpty();
  }

  @ParameterizedTest(name = "worker [{0}] covers [{1}]: {2}")
  @CsvSource({
    "'java,docs', '',          true",
    "'',          '',          true",
    "'java,docs', 'docs',      true",
    "'java,docs', 'docs,java', true",
    "'java',      'java,docs', false",
    "'',          'java',      false"
  })
  void coversIsASubsetTest(String worker, String required, boolean covers) {
    assertThat(Skills.covers(list(worker), list(required))).isEqualTo(covers);
  }

  private static List<String> list(String csv) {
    return csv.isBlank() ? List.of() : List.of(csv.split(","));
  }

  private static List<String> numbered(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "skill" + i).toList();
  }
}
