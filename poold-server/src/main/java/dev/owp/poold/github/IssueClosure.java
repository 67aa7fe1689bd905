package dev.owp.poold.github;

import dev.owp.poold.task.TaskMoves;
import dev.owp.poold.task.TaskRecord;
import dev.owp.poold.task.TaskRepository;
import dev.owp.protocol.task.TaskStatus;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An issue closed on GitHub, or stripped of its import label, cancels the task imported from it, if
 * no worker has started it: the same rule as a re-import, applied as soon as the webhook says so.
 * Tasks are found by the key the importer gives them, {@code github:owner/name#12}.
 */
@Component
class IssueClosure {

  private static final String READY_BY_KEY =
      "SELECT " + TaskRepository.COLUMNS + " FROM task WHERE task_key = :key AND status = 'ready'";

  private final JdbcClient jdbc;
  private final TaskMoves moves;
  private final Clock clock;

  IssueClosure(JdbcClient jdbc, TaskMoves moves, Clock clock) {
    this.jdbc = jdbc;
    this.moves = moves;
    this.clock = clock;
  }

  /** The key of the task imported from issue {@code number} of {@code fullName}. */
  static String taskKey(String fullName, int number) {
    return "github:" + fullName.toLowerCase(Locale.ROOT) + "#" + number;
  }

  /**
   * Withdraws (cancels) the ready tasks imported from the issue; returns how many. Importing the
   * issue again once it is open and labelled puts them back in the pool.
   *
   * @param reason e.g. {@code issue acme/app#12 was closed on GitHub}
   */
  @Transactional
  public int withdrawReady(String fullName, int number, String reason) {
    List<TaskRecord> ready =
        jdbc.sql(READY_BY_KEY)
            .param("key", taskKey(fullName, number))
            .query(TaskRepository.TASK)
            .list();
    for (TaskRecord task : ready) {
      if (task.status() == TaskStatus.READY) {
        moves.withdraw(task, reason, clock.instant());
      }
    }
    return ready.size();
  }
}
