package dev.owp.poold.schedule;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.TestDatabase;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL with other writers at work: the planner keeps up with a ready queue that fills and
 * drains.
 */
@ExtendWith(TestDatabase.OnlyPostgresql.class)
class ConcurrentWritersTest extends PooldIntegrationTest {

  @Test
  void aLargeImportRefreshesThePlannersStatistics() throws Exception {
    repo("demo", 10, false);
    long before = analyzed();
    List<TaskSpec> tasks =
        IntStream.range(0, 1_000).mapToObj(i -> aTask("demo").key("t-" + i).build()).toList();

    admin().createTasks(new BulkTasks(tasks));

    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    while (analyzed() == before && Instant.now().isBefore(deadline)) {
      Thread.sleep(50);
    }
    assertThat(analyzed()).isEqualTo(before + 1);
  }

  @Test
  void theTaskTableIsAnalyzedAfterAFixedNumberOfChangesWhateverItsSize() {
    String options =
        jdbc.sql(
                "SELECT array_to_string(reloptions, ',') FROM pg_class WHERE oid = 'task'::regclass")
            .query(String.class)
            .single();

    assertThat(options.split(","))
        .contains("autovacuum_analyze_scale_factor=0", "autovacuum_vacuum_scale_factor=0");
  }

  /** How often the task table was analyzed on request (autovacuum's own runs aside). */
  private long analyzed() {
    return jdbc.sql("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'task'::regclass")
        .query(Long.class)
        .single();
  }
}
