package dev.owp.poold.repo;

import dev.owp.poold.storage.StatusSql;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.task.TaskId;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code area_lock} table: one row per locked (repo, area), whose primary key is the lock.
 * Taking a lock is an insert that does nothing when the key exists, so a lock held by another task
 * is an ordinary answer, not an error (and does not abort a PostgreSQL transaction).
 */
@Repository
public class AreaLockRepository {

  private static final String TRY_LOCK =
      """
      INSERT INTO area_lock (repo, area, task_id)
      VALUES (:repo, :area, :taskId)
      ON CONFLICT DO NOTHING
      """;

  private static final String RELEASE =
      """
      DELETE FROM area_lock
       WHERE task_id = :taskId
      """;

  // While locks were off, several held tasks may have taken one area; when the lock holder lets
  // go, the oldest of the others inherits the lock, so the area stays locked while any is held.
  private static final String HAND_OVER =
      """
      INSERT INTO area_lock (repo, area, task_id)
      SELECT t.repo, t.area, t.task_id
        FROM task t
        JOIN repo r ON r.repo = t.repo
       WHERE t.repo = :repo AND t.area = :area AND t.task_id <> :taskId
         AND t.status IN (%s) AND r.area_locks_enabled = 1
       ORDER BY t.seq
       LIMIT 1
      ON CONFLICT DO NOTHING
      """
          .formatted(StatusSql.HELD);

  private static final String CLEAR_REPO =
      """
      DELETE FROM area_lock
       WHERE repo = :repo
      """;

  private static final String LOCK_HELD_TASKS =
      """
      INSERT INTO area_lock (repo, area, task_id)
      SELECT repo, area, task_id
        FROM task
       WHERE repo = :repo AND area IS NOT NULL AND status IN (%s)
       ORDER BY seq
      ON CONFLICT DO NOTHING
      """
          .formatted(StatusSql.HELD);

  private final JdbcClient jdbc;

  AreaLockRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Locks {@code area} of {@code repo} for {@code task}; false when another task holds it. */
  public boolean tryLock(String repo, AreaKey area, TaskId task) {
    return jdbc.sql(TRY_LOCK)
            .param("repo", repo)
            .param("area", area.value())
            .param("taskId", task.value())
            .update()
        == 1;
  }

  /**
   * Releases the lock {@code task} holds on {@code area} of {@code repo}, if any, and hands it to
   * the oldest other held task of that area.
   */
  public void release(String repo, @Nullable String area, TaskId task) {
    if (area == null) {
      return; // only a task with an area locks one, and a held task's area does not change
    }
    if (jdbc.sql(RELEASE).param("taskId", task.value()).update() == 1) {
      jdbc.sql(HAND_OVER)
          .param("repo", repo)
          .param("area", area)
          .param("taskId", task.value())
          .update();
    }
  }

  /** Drops every lock of a repository, when its area locks are switched off. */
  public void clear(String repo) {
    jdbc.sql(CLEAR_REPO).param("repo", repo).update();
  }

  /**
   * Locks the areas of a repository's held tasks, when its area locks are switched on. Where two
   * held tasks share an area (possible while locks were off), the older one gets the lock.
   */
  public void lockHeldTasks(String repo) {
    jdbc.sql(LOCK_HELD_TASKS).param("repo", repo).update();
  }
}
