package dev.owp.poold.metrics;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.Reader;
import dev.owp.protocol.scheduling.Presence;
import dev.owp.protocol.task.TaskStatus;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the pool's state: tasks by status per repository, workers online and registered, and
 * each repository's review budget use.
 *
 * <p>They are refreshed on a timer from three grouped queries on a reader connection (the task
 * count is an index-only scan of {@code task_by_repo_status}), never per scrape or per request, so
 * a Prometheus scraping often costs the database nothing extra.
 */
@Component
public class PoolGauges {

  private static final Logger log = LoggerFactory.getLogger(PoolGauges.class);

  private static final String TASKS_BY_REPO_AND_STATUS =
      """
      SELECT repo, status, COUNT(*) AS n
        FROM task
       GROUP BY repo, status
      """;

  private static final String REPO_BUDGETS =
      """
      SELECT repo, held, max_open_prs
        FROM repo
      """;

  private static final String WORKERS =
      """
      SELECT COUNT(*) AS total,
             COALESCE(SUM(CASE WHEN last_heartbeat >= :onlineSince THEN 1 ELSE 0 END), 0) AS online
        FROM worker
       WHERE removed_at IS NULL
      """;

  private final JdbcClient reader;
  private final PooldProperties properties;
  private final Clock clock;
  private final MultiGauge tasks;
  private final MultiGauge budgetUsed;
  private final MultiGauge budgetMax;
  private final AtomicLong workersOnline = new AtomicLong();
  private final AtomicLong workersRegistered = new AtomicLong();

  PoolGauges(
      @Reader JdbcClient reader, PooldProperties properties, Clock clock, MeterRegistry registry) {
    this.reader = reader;
    this.properties = properties;
    this.clock = clock;
    tasks =
        MultiGauge.builder("owp.tasks")
            .description("Tasks by repository and status")
            .register(registry);
    budgetUsed =
        MultiGauge.builder("owp.repo.budget.used")
            .description(
                "Review slots in use: tasks leased, in progress, blocked or with a PR open")
            .register(registry);
    budgetMax =
        MultiGauge.builder("owp.repo.budget.max")
            .description("The repository's review budget (max_open_prs)")
            .register(registry);
    Gauge.builder("owp.workers.online", workersOnline, AtomicLong::get)
        .description("Workers with a heartbeat within the heartbeat TTL")
        .register(registry);
    Gauge.builder("owp.workers.registered", workersRegistered, AtomicLong::get)
        .description("Registered workers, online or not")
        .register(registry);
  }

  /** Reads the pool's state again; also runs on a timer. */
  @Scheduled(
      initialDelay = 0,
      fixedDelayString = "${owp.metrics-refresh:15}",
      timeUnit = TimeUnit.SECONDS)
  public void refresh() {
    try {
      refreshTasks();
      refreshWorkers();
    } catch (RuntimeException e) {
      // Metrics must never take poold down; the next refresh tries again.
      log.warn("Could not refresh the pool gauges: {}", e.getMessage());
    }
  }

  private void refreshTasks() {
    Map<String, Map<String, Long>> counts = new HashMap<>();
    reader
        .sql(TASKS_BY_REPO_AND_STATUS)
        .query(
            rs -> {
              counts
                  .computeIfAbsent(rs.getString("repo"), repo -> new HashMap<>())
                  .put(rs.getString("status"), rs.getLong("n"));
            });
    List<MultiGauge.Row<?>> taskRows = new ArrayList<>();
    List<MultiGauge.Row<?>> usedRows = new ArrayList<>();
    List<MultiGauge.Row<?>> maxRows = new ArrayList<>();
    reader
        .sql(REPO_BUDGETS)
        .query(
            rs -> {
              String repo = rs.getString("repo");
              Map<String, Long> byStatus = counts.getOrDefault(repo, Map.of());
              // Every status of every repository, zeros included, so series do not come and go.
              for (TaskStatus status : TaskStatus.values()) {
                taskRows.add(
                    MultiGauge.Row.of(
                        Tags.of("repo", repo, "status", status.wireName()),
                        byStatus.getOrDefault(status.wireName(), 0L)));
              }
              usedRows.add(MultiGauge.Row.of(Tags.of("repo", repo), rs.getInt("held")));
              maxRows.add(MultiGauge.Row.of(Tags.of("repo", repo), rs.getInt("max_open_prs")));
            });
    tasks.register(taskRows, true);
    budgetUsed.register(usedRows, true);
    budgetMax.register(maxRows, true);
  }

  private void refreshWorkers() {
    reader
        .sql(WORKERS)
        .param(
            "onlineSince",
            EpochMillis.of(Presence.onlineSince(clock.instant(), properties.heartbeatTtl())))
        .query(
            rs -> {
              workersRegistered.set(rs.getLong("total"));
              workersOnline.set(rs.getLong("online"));
            });
  }
}
