package dev.owp.poold.event;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.JsonColumns;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Appends to the audit log. Call it inside the transaction of the change it records, so the log
 * holds exactly the changes that happened.
 *
 * <pre>{@code
 * events.record(EventType.TASK_LEASED, now).task(id).repo(repo).worker(w).with("lease_id", lease).append();
 * }</pre>
 */
@Repository
public class EventLog {

  private static final String APPEND =
      """
      INSERT INTO event (at, type, worker_id, repo, task_id, details)
      VALUES (:at, :type, :workerId, :repo, :taskId, :details)
      """;

  private static final String PRUNE_OLDER_THAN =
      """
      DELETE FROM event
       WHERE id IN (SELECT id FROM event WHERE at < :cutoff ORDER BY id LIMIT :batch)
      """;

  private final JdbcClient jdbc;

  EventLog(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Starts an event of {@code type} that happened at {@code at}. */
  public Draft record(EventType type, Instant at) {
    return new Draft(type, at);
  }

  /**
   * Deletes up to {@code batch} events older than {@code cutoff}; returns how many. Runs in small
   * batches so it never holds the writer for long.
   */
  public int pruneOlderThan(Instant cutoff, int batch) {
    return jdbc.sql(PRUNE_OLDER_THAN)
        .param("cutoff", EpochMillis.of(cutoff))
        .param("batch", batch)
        .update();
  }

  /** An event being recorded. */
  public final class Draft {
    private final EventType type;
    private final Instant at;
    private @Nullable String workerId;
    private @Nullable String repo;
    private @Nullable String taskId;
    private final Map<String, @Nullable Object> details = new LinkedHashMap<>();

    private Draft(EventType type, Instant at) {
      this.type = type;
      this.at = at;
    }

    /** The worker that caused it. */
    public Draft worker(@Nullable WorkerId worker) {
      this.workerId = worker == null ? null : worker.value();
      return this;
    }

    /** The repository it concerns. */
    public Draft repo(@Nullable String repoKey) {
      this.repo = repoKey;
      return this;
    }

    /** The task it concerns. */
    public Draft task(@Nullable TaskId task) {
      this.taskId = task == null ? null : task.value();
      return this;
    }

    /** A detail; null values are left out. */
    public Draft with(String name, @Nullable Object value) {
      if (value != null) {
        details.put(name, value);
      }
      return this;
    }

    /** Writes the event. */
    public void append() {
      jdbc.sql(APPEND)
          .param("at", EpochMillis.of(at))
          .param("type", type.wireName())
          .param("workerId", workerId)
          .param("repo", repo)
          .param("taskId", taskId)
          .param("details", JsonColumns.write(details))
          .update();
    }
  }
}
