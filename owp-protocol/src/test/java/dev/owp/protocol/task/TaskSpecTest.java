package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class TaskSpecTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  private static TaskSpec minimal() {
    return TaskSpec.of("demo", "Fix the build", null, null, null, null, null, null, null);
  }

  private static TaskSpec withNumbers(Integer estimate, Integer priority, Integer tier) {
    return TaskSpec.of("demo", "t", null, estimate, priority, null, null, tier, null);
  }

  @Test
  void omittedFieldsTakeTheirDefaults() {
    assertThat(minimal())
        .isEqualTo(new TaskSpec("demo", "Fix the build", null, 1, 10, List.of(), null, 0, null));
  }

  @Test
  void nullFieldsOnTheWireTakeTheirDefaults() {
    String json =
        """
        {"repo": "demo", "title": "Fix the build", "description": null,
         "estimate_points": null, "priority": null, "required_skills": null,
         "area": null, "tier": null, "key": null}
        """;

    assertThat(JSON.readValue(json, TaskSpec.class)).isEqualTo(minimal());
  }

  @Test
  void repoAndTitleAreRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskSpec.of(null, "t", null, null, null, null, null, null, null))
        .withMessage("repo is required");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskSpec.of("demo", null, null, null, null, null, null, null, null))
        .withMessage("title is required");
  }

  @ParameterizedTest
  @CsvSource({
    "0,   estimate_points must be between 1 and 100",
    "101, estimate_points must be between 1 and 100"
  })
  void estimatePointsMustBeBetweenOneAndOneHundred(int estimate, String message) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withNumbers(estimate, null, null))
        .withMessage(message);
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 1001})
  void priorityMustBeBetweenZeroAndOneThousand(int priority) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withNumbers(null, priority, null))
        .withMessage("priority must be between 0 and 1000");
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 4})
  void tierMustBeBetweenZeroAndThree(int tier) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> withNumbers(null, null, tier))
        .withMessage("tier must be between 0 and 3");
  }

  @Test
  void boundaryNumbersAreAccepted() {
    TaskSpec low = withNumbers(1, 0, 0);
    TaskSpec high = withNumbers(100, 1000, 3);

    assertThat(List.of(low.estimatePoints(), low.priority(), low.tier())).containsExactly(1, 0, 0);
    assertThat(List.of(high.estimatePoints(), high.priority(), high.tier()))
        .containsExactly(100, 1000, 3);
  }

  @Test
  void titleIsStrippedAndMustNotBeBlank() {
    assertThat(TaskSpec.of("demo", "  Fix it  ", null, null, null, null, null, null, null).title())
        .isEqualTo("Fix it");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskSpec.of("demo", "   ", null, null, null, null, null, null, null))
        .withMessage("title must be 1 to 300 characters");
  }

  @Test
  void titleIsLimitedTo300Characters() {
    assertThat(
            TaskSpec.of("demo", "t".repeat(300), null, null, null, null, null, null, null).title())
        .hasSize(300);
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t".repeat(301), null, null, null, null, null, null, null))
        .withMessage("title must be 1 to 300 characters");
  }

  @Test
  void controlCharactersInTextFieldsAreRefusedOnTheWire() {
    assertThatThrownBy(
            () -> JSON.readValue("{\"repo\":\"demo\",\"title\":\"a\\u0000b\"}", TaskSpec.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("title must not contain control characters (found U+0000)");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t", "bell\u0007", null, null, null, null, null, null))
        .withMessage("description must not contain control characters (found U+0007)");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t", null, null, null, null, "au\u0000th", null, null))
        .withMessage("area must not contain control characters (found U+0000)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskSpec.of("demo", "t", null, null, null, null, null, null, "k\u0000"))
        .withMessage("key must not contain control characters (found U+0000)");
  }

  @Test
  void descriptionIsLimitedTo64KiB() {
    String longest = "d".repeat(TaskSpec.MAX_DESCRIPTION);
    assertThat(TaskSpec.of("demo", "t", longest, null, null, null, null, null, null).description())
        .hasSize(65_536);

    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t", longest + "d", null, null, null, null, null, null))
        .withMessage("description must be at most 65536 characters");
  }

  @Test
  void requiredSkillsAndAreaAreNormalised() {
    TaskSpec spec =
        TaskSpec.of(
            "demo",
            "t",
            null,
            null,
            null,
            List.of(" Java", "JAVA", "Docs "),
            "  Auth ",
            null,
            null);

    assertThat(spec.requiredSkills()).containsExactly("java", "docs");
    assertThat(spec.area()).isEqualTo("auth");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void blankAreaMeansNone(String area) {
    assertThat(TaskSpec.of("demo", "t", null, null, null, null, area, null, null).area()).isNull();
  }

  @Test
  void keyIsStrippedAndBlankMeansNone() {
    assertThat(TaskSpec.of("demo", "t", null, null, null, null, null, null, " gh-42 ").key())
        .isEqualTo("gh-42");
    assertThat(TaskSpec.of("demo", "t", null, null, null, null, null, null, "  ").key()).isNull();
  }

  @Test
  void keyIsLimitedTo200Characters() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> TaskSpec.of("demo", "t", null, null, null, null, null, null, "k".repeat(201)))
        .withMessage("key must be 1 to 200 characters");
  }

  @Test
  void repoMustBeARepositoryKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> TaskSpec.of("my repo", "t", null, null, null, null, null, null, null))
        .withMessage(
            "repo must be a repository key such as demo or owner/name (letters, digits and ._/-)");
  }

  @Test
  void inRepoMovesTheTaskKeepingEverythingElse() {
    TaskSpec spec =
        new TaskSpec("demo", "t", "d", 3, 50, List.of("java"), "auth", 2, "gh-1")
            .inRepo("owner/name");

    assertThat(spec)
        .isEqualTo(new TaskSpec("owner/name", "t", "d", 3, 50, List.of("java"), "auth", 2, "gh-1"));
  }

  @Test
  void fractionalNumbersAreRefusedOnTheWire() {
    assertThatThrownBy(
            () ->
                JSON.readValue(
                    "{\"repo\":\"demo\",\"title\":\"t\",\"priority\":1.5}", TaskSpec.class))
        .hasMessageContaining("priority");
  }
}
