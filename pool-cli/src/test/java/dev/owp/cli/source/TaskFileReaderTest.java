package dev.owp.cli.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.task.TaskSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading and checking YAML task files, without a server. */
class TaskFileReaderTest {

  @Test
  void readsAListOrAMappingWithTasks() throws TaskFileException {
    List<TaskSpec> list = TaskFileReader.parse("- title: A\n", "t.yaml", "demo");
    List<TaskSpec> mapping = TaskFileReader.parse("tasks:\n  - title: A\n", "t.yaml", "demo");

    assertThat(list).isEqualTo(mapping);
    assertThat(list.get(0))
        .isEqualTo(new TaskSpec("demo", "A", null, 1, 10, List.of(), null, 0, null));
  }

  @Test
  void numbersAndSkillListsMayTakeSeveralShapes() throws TaskFileException {
    List<TaskSpec> tasks =
        TaskFileReader.parse(
            """
            - {title: 2024 roadmap, key: 42, required_skills: [Python, " docs "], area: " Docs"}
            - {title: B, required_skills: "a,b,,a"}
            """,
            "t.yaml",
            "demo");

    assertThat(tasks.get(0).title()).isEqualTo("2024 roadmap");
    assertThat(tasks.get(0).key()).isEqualTo("42");
    assertThat(tasks.get(0).requiredSkills()).containsExactly("python", "docs");
    assertThat(tasks.get(0).area()).isEqualTo("docs");
    assertThat(tasks.get(1).requiredSkills()).containsExactly("a", "b");
  }

  @Test
  void refusesWhatIsNotAList() {
    assertThatThrownBy(() -> TaskFileReader.parse("title: A\n", "t.yaml", "demo"))
        .hasMessage("t.yaml: expected a YAML list of tasks (or a mapping with a tasks: list)");
    assertThatThrownBy(() -> TaskFileReader.parse("[]", "t.yaml", "demo"))
        .hasMessage("t.yaml: the list of tasks is empty");
  }

  @Test
  void reportsYamlSyntaxErrorsWithTheirLine() {
    assertThatThrownBy(() -> TaskFileReader.parse("- title: A\n- title: [B\n", "t.yaml", "demo"))
        .hasMessageStartingWith("t.yaml: not valid YAML: ")
        .hasMessageContaining("(line ");
  }

  @Test
  void refusesDuplicateKeysWithinTheFileAndWithinAnEntry() {
    assertThatThrownBy(
            () ->
                TaskFileReader.parse(
                    "- {title: A, key: k}\n- {title: B, key: k}\n", "t.yaml", "demo"))
        .hasMessage("t.yaml: entry 2 (title \"B\"): key 'k' is already used by entry 1");
    assertThatThrownBy(() -> TaskFileReader.parse("- title: A\n  title: B\n", "t.yaml", "demo"))
        .hasMessage("t.yaml: not valid YAML: field 'title' appears twice (line 2, column 8)");
  }

  @Test
  void namesTypeErrorsAndConflictingFields() {
    assertThatThrownBy(
            () ->
                TaskFileReader.parse(
                    """
                    - {title: A, estimate: 1, estimate_points: 2}
                    - {title: [x]}
                    - {title: C, required_skills: {a: b}}
                    - {title: D, tier: 1.5}
                    - just text
                    """,
                    "t.yaml",
                    "demo"))
        .isInstanceOfSatisfying(
            TaskFileException.class,
            e ->
                assertThat(e.problems())
                    .containsExactly(
                        "t.yaml: entry 1 (title \"A\"): give estimate_points or estimate, not both",
                        "t.yaml: entry 2: title must be text",
                        "t.yaml: entry 3 (title \"C\"): required_skills must be a list of names or a comma-separated text",
                        "t.yaml: entry 4 (title \"D\"): tier must be a whole number, got '1.5'",
                        "t.yaml: entry 5: must be a mapping with at least a title"));
  }
}
