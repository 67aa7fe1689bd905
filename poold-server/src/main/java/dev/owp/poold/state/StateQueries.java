package dev.owp.poold.state;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.Reader;
import dev.owp.protocol.admin.AdminState;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.task.TaskStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Pool-wide counts: tasks by status, workers online and in total, throttled repositories. */
@Component
public class StateQueries {

  private static final String TASKS_BY_STATUS =
      """
      SELECT status, COUNT(*) AS n
        FROM task
       GROUP BY status
      """;

  private static final String WORKERS =
      """
      SELECT COUNT(*) AS total,
             COALESCE(SUM(CASE WHEN last_heartbeat >= :onlineSince THEN 1 ELSE 0 END), 0) AS online
        FROM worker
       WHERE removed_at IS NULL
      """;

  private static final String THROTTLED_REPOS =
      """
      SELECT COUNT(*)
        FROM repo
       WHERE held >= max_open_prs
      """;

  private final JdbcClient jdbc;
  private final PooldProperties properties;
  private final Clock clock;

  StateQueries(@Reader JdbcClient jdbc, PooldProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.properties = properties;
    this.clock = clock;
  }

  /** Task counts for every status, zero included. */
  public Map<TaskStatus, Integer> tasksByStatus() {
    Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
    for (TaskStatus status : TaskStatus.values()) {
      counts.put(status, 0);
    }
    jdbc.sql(TASKS_BY_STATUS)
        .query(
            rs -> {
              counts.put(TaskStatus.fromWire(rs.getString("status")), rs.getInt("n"));
            });
    return counts;
  }

  /** The v0.1 state, plus totals. */
  public AdminState state() {
    Instant now = clock.instant();
    Map<TaskStatus, Integer> tasks = tasksByStatus();
    int[] workers = new int[2];
    jdbc.sql(WORKERS)
        .param("onlineSince", EpochMillis.of(Presence.onlineSince(now, properties.heartbeatTtl())))
        .query(
            rs -> {
              workers[0] = rs.getInt("online");
              workers[1] = rs.getInt("total");
            });
    int throttled = jdbc.sql(THROTTLED_REPOS).query(Integer.class).single();
    return new AdminState(
        workers[0],
        tasks.get(TaskStatus.READY),
        tasks.get(TaskStatus.LEASED),
        tasks.get(TaskStatus.IN_PROGRESS),
        tasks.get(TaskStatus.PR_OPENED),
        tasks.get(TaskStatus.BLOCKED),
        tasks.get(TaskStatus.MERGED),
        tasks.get(TaskStatus.CANCELLED),
        workers[1],
        throttled,
        now);
  }
}
