package dev.owp.poold.task;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PostgresDatabase;
import dev.owp.poold.support.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A pool made before skill sets existed gets one set per distinct requirement, whatever order its
 * tasks listed their skills in, and every task points at its set.
 */
@ExtendWith(TestDatabase.Condition.class)
@Tag("database")
class SkillSetMigrationTest {

  @TempDir Path folder;

  @Test
  void existingTasksShareOneSetPerDistinctRequirementInSortedOrder() {
    DriverManagerDataSource database = database();
    migrate(database, "4");
    JdbcClient jdbc = JdbcClient.create(database);
    jdbc.sql(
            """
            INSERT INTO repo (repo, max_open_prs, area_locks_enabled, created_at, updated_at)
            VALUES ('o/r', 1, 0, 0, 0)
            """)
        .update();
    String[] requirements = {"[\"python\",\"docs\"]", "[\"docs\",\"python\"]", "[]", "[\"go\"]"};
    for (int i = 0; i < requirements.length; i++) {
      jdbc.sql(
              """
              INSERT INTO task (task_id, repo, title, estimate_points, priority, required_skills,
                                tier, status, created_at, updated_at)
              VALUES (:id, 'o/r', 'T', 1, 10, :skills, 0, 'ready', 0, 0)
              """)
          .param("id", "t_" + i)
          .param("skills", requirements[i])
          .update();
    }

    migrate(database, "latest");

    assertThat(jdbc.sql("SELECT skills FROM skill_set ORDER BY id").query(String.class).list())
        .containsExactly("[\"docs\",\"python\"]", "[\"go\"]", "[]");
    List<Map<String, Object>> tasks =
        jdbc.sql(
                """
                SELECT t.task_id, s.skills
                  FROM task t JOIN skill_set s ON s.id = t.skill_set
                 ORDER BY t.task_id
                """)
            .query()
            .listOfRows();
    assertThat(tasks)
        .extracting(row -> row.get("task_id") + " " + row.get("skills"))
        .containsExactly(
            "t_0 [\"docs\",\"python\"]", "t_1 [\"docs\",\"python\"]", "t_2 []", "t_3 [\"go\"]");
  }

  private DriverManagerDataSource database() {
    if (TestDatabase.current() == TestDatabase.POSTGRESQL) {
      PostgresDatabase.Settings postgres = PostgresDatabase.freshSchema();
      return new DriverManagerDataSource(postgres.url(), postgres.user(), postgres.password());
    }
    return new DriverManagerDataSource("jdbc:sqlite:" + folder.resolve("pool.db"));
  }

  private static void migrate(DriverManagerDataSource database, String target) {
    String vendor = TestDatabase.current() == TestDatabase.POSTGRESQL ? "postgresql" : "sqlite";
    Flyway.configure()
        .dataSource(database)
        .locations("classpath:db/migration/" + vendor)
        .target(target)
        .load()
        .migrate();
  }
}
