package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BulkTasksTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  private static TaskSpec task(String repo, String key) {
    return TaskSpec.of(repo, "title " + key, null, null, null, null, null, null, key);
  }

  @Test
  void tasksAreRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> BulkTasks.of(null))
        .withMessage("tasks is required");
  }

  @Test
  void emptyListIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BulkTasks(List.of()))
        .withMessage("tasks must hold at least one task");
    assertThatThrownBy(() -> JSON.readValue("{\"tasks\":[]}", BulkTasks.class))
        .rootCause()
        .hasMessage("tasks must hold at least one task");
  }

  @Test
  void duplicateKeyInOneRepoIsRefusedNamingTheSecondEntry() {
    List<TaskSpec> tasks =
        List.of(task("demo", "gh-1"), task("demo", "gh-2"), task("demo", "gh-1"));

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BulkTasks(tasks))
        .withMessage("tasks[2].key 'gh-1' appears twice in repo demo");
  }

  @Test
  void sameKeyInDifferentReposIsFine() {
    List<TaskSpec> tasks = List.of(task("demo", "gh-1"), task("owner/name", "gh-1"));

    assertThat(new BulkTasks(tasks).tasks()).hasSize(2);
  }

  @Test
  void tasksWithoutKeysNeverCollide() {
    List<TaskSpec> tasks = List.of(task("demo", null), task("demo", null), task("demo", "  "));

    assertThat(new BulkTasks(tasks).tasks()).hasSize(3);
  }

  @Test
  void atMost5000TasksPerRequest() {
    List<TaskSpec> tasks = new ArrayList<>(Collections.nCopies(5_000, task("demo", null)));
    assertThat(new BulkTasks(tasks).tasks()).hasSize(BulkTasks.MAX_TASKS);

    tasks.add(task("demo", null));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new BulkTasks(tasks))
        .withMessage("tasks must have at most 5000 items");
  }

  @Test
  void tasksAreCopied() {
    List<TaskSpec> tasks = new ArrayList<>(List.of(task("demo", "a")));
    BulkTasks bulk = new BulkTasks(tasks);

    tasks.add(task("demo", "b"));

    assertThat(bulk.tasks()).hasSize(1);
  }

  @Test
  void eachTaskOnTheWireTakesItsDefaults() {
    BulkTasks bulk =
        JSON.readValue(
            "{\"tasks\":[{\"repo\":\"demo\",\"title\":\"a\"},"
                + "{\"repo\":\"demo\",\"title\":\"b\",\"priority\":99}]}",
            BulkTasks.class);

    assertThat(bulk.tasks()).extracting(TaskSpec::priority).containsExactly(10, 99);
    assertThat(bulk.tasks()).extracting(TaskSpec::estimatePoints).containsExactly(1, 1);
  }
}
