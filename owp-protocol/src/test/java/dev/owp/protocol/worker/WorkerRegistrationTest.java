package dev.owp.protocol.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class WorkerRegistrationTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  private static WorkerRegistration named(String name) {
    return WorkerRegistration.of(name, null, null, null, null);
  }

  @Test
  void omittedFieldsTakeTheirDefaults() {
    WorkerRegistration registration = named("laptop");

    assertThat(registration.githubHandle()).isNull();
    assertThat(registration.skills()).isEmpty();
    assertThat(registration.capacityPoints()).isEqualTo(5);
    assertThat(registration.maxConcurrentTasks()).isEqualTo(2);
  }

  @Test
  void onTheWireOnlyTheNameIsRequired() {
    assertThat(JSON.readValue("{\"name\":\"laptop\"}", WorkerRegistration.class))
        .isEqualTo(new WorkerRegistration("laptop", null, List.of(), 5, 2));
  }

  @Test
  void nullNumbersOnTheWireTakeTheirDefaults() {
    String json =
        "{\"name\":\"laptop\",\"github_handle\":null,\"skills\":null,"
            + "\"capacity_points\":null,\"max_concurrent_tasks\":null}";

    assertThat(JSON.readValue(json, WorkerRegistration.class))
        .isEqualTo(new WorkerRegistration("laptop", null, List.of(), 5, 2));
  }

  @Test
  void missingNameIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> named(null))
        .withMessage("name is required");
    assertThatThrownBy(() -> JSON.readValue("{}", WorkerRegistration.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name is required");
  }

  @Test
  void nameIsStripped() {
    assertThat(named("  laptop  ").name()).isEqualTo("laptop");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankNameIsRefused(String name) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> named(name))
        .withMessage("name must be 1 to 120 characters");
  }

  @Test
  void nameOf120CharactersIsAcceptedAndLongerIsRefused() {
    assertThat(named("n".repeat(120)).name()).hasSize(120);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> named("n".repeat(121)))
        .withMessage("name must be 1 to 120 characters");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 100})
  void capacityPointsFromOneToOneHundredAreAccepted(int points) {
    assertThat(WorkerRegistration.of("w", null, null, points, null).capacityPoints())
        .isEqualTo(points);
  }

  @ParameterizedTest
  @ValueSource(ints = {-3, 0, 101})
  void capacityPointsOutsideOneToOneHundredAreRefused(int points) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerRegistration.of("w", null, null, points, null))
        .withMessage("capacity_points must be between 1 and 100");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 20})
  void maxConcurrentTasksFromOneToTwentyAreAccepted(int tasks) {
    assertThat(WorkerRegistration.of("w", null, null, null, tasks).maxConcurrentTasks())
        .isEqualTo(tasks);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 21})
  void maxConcurrentTasksOutsideOneToTwentyAreRefused(int tasks) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerRegistration.of("w", null, null, null, tasks))
        .withMessage("max_concurrent_tasks must be between 1 and 20");
  }

  @Test
  void outOfRangeNumberOnTheWireIsRefusedNamingTheWireField() {
    assertThatThrownBy(
            () ->
                JSON.readValue("{\"name\":\"w\",\"capacity_points\":0}", WorkerRegistration.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("capacity_points must be between 1 and 100");
  }

  @Test
  void aNulCharacterOnTheWireIsRefusedNamingTheField() {
    assertThatThrownBy(() -> JSON.readValue("{\"name\":\"a\\u0000b\"}", WorkerRegistration.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not contain control characters (found U+0000)");
    assertThatThrownBy(
            () ->
                JSON.readValue(
                    "{\"name\":\"w\",\"skills\":[\"java\\u001b\"]}", WorkerRegistration.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skills entries must not contain control characters (found U+001B)");
  }

  @Test
  void skillsAreNormalised() {
    assertThat(
            WorkerRegistration.of("w", null, List.of(" Java", "DOCS", "java", ""), null, null)
                .skills())
        .containsExactly("java", "docs");
  }

  @Test
  void tooManySkillsAreRefusedNamingTheField() {
    List<String> skills = IntStream.range(0, 51).mapToObj(i -> "s" + i).toList();

    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerRegistration.of("w", null, skills, null, null))
        .withMessage("skills must have at most 50 items");
  }

  @ParameterizedTest
  @CsvSource({
    "alice,          alice",
    "@alice,         alice",
    "'  @Alice-B  ', Alice-B",
    "a,              a",
    "octo-cat-42,    octo-cat-42"
  })
  void githubHandleLosesItsAtSign(String raw, String handle) {
    assertThat(WorkerRegistration.of("w", raw, null, null, null).githubHandle()).isEqualTo(handle);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void blankGithubHandleMeansNone(String raw) {
    assertThat(WorkerRegistration.of("w", raw, null, null, null).githubHandle()).isNull();
  }

  @Test
  void githubHandleOf39CharactersIsAccepted() {
    String handle = "a".repeat(39);

    assertThat(WorkerRegistration.of("w", handle, null, null, null).githubHandle())
        .isEqualTo(handle);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "-alice",
        "alice-",
        "al ice",
        "a_b",
        "alice.b",
        "@@alice",
        "@",
        "https://github.com/alice",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void badGithubLoginsAreRefused(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerRegistration.of("w", raw, null, null, null))
        .withMessage("github_handle must be a GitHub login (letters, digits and -, at most 39)");
  }
}
