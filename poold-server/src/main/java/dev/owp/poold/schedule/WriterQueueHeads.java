package dev.owp.poold.schedule;

import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.task.SkillSets;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.RepoSnapshot;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The heads of the ready queues as the current transaction of SQLite's one writer sees them: read
 * once per transaction, and then filtered for each claim in memory.
 *
 * <p>Group commit runs many status reports in one transaction, and each report that frees room
 * claims for its worker under the writer. Reading the queue heads again for every one of those
 * claims was the largest share of the writer's time, though they all read the same few rows. Here
 * the first claim of a transaction reads the first {@value #DEPTH} ready tasks of each open
 * repository, for no worker in particular; every claim then picks its worker's candidates from them
 * with the same conditions the queue-head statement applies ({@link #fits}), and the tasks leased
 * are dropped as they go. A repository whose head, so filtered, runs short while more ready tasks
 * lie beyond it is read again if an earlier claim read it (the transaction's leases may have
 * drained it); if it still runs short, the claim reads it with the worker's own statement ({@link
 * Heads#shortFor}).
 *
 * <p>Out of date it can only be in one way: a task that another write of the same transaction made
 * ready (a release, a requeue, an import) is offered from the next transaction on. A task taken,
 * cancelled or changed meanwhile fails the lease's check on its row version, like any stale plan,
 * and is dropped then. PostgreSQL has concurrent writers and always reads, locking what it reads.
 */
final class WriterQueueHeads {

  /**
   * Ready tasks read per repository at a time: a few claims' worth, so that a transaction with one
   * claim reads little more than that claim needs.
   */
  static final int DEPTH = 16;

  private static final String QUEUE_HEAD =
      """
        SELECT task_id, repo, priority, seq, estimate_points, skill_set, area, tier, version,
               released_by, released_until
          FROM task
         WHERE repo = %1$s AND status = 'ready'
         ORDER BY priority DESC, seq
         LIMIT %2$d
      """;

  /** The order of a ready queue: priority descending, then oldest first. */
  private static final Comparator<Row> QUEUE_ORDER =
      Comparator.comparingInt(Row::priority).reversed().thenComparingLong(Row::seq);

  /** One ready task as read, before any worker's conditions. */
  private record Row(
      TaskId id,
      String repo,
      int priority,
      long seq,
      int estimatePoints,
      long skillSet,
      @Nullable String area,
      int tier,
      long version,
      @Nullable String releasedBy,
      long releasedUntil) {}

  /** The head of one repository's queue; complete when it holds every ready task there was. */
  private static final class Head {
    private final Map<TaskId, Row> rows = new LinkedHashMap<>();
    private boolean complete;
  }

  /** The heads read in one transaction. */
  static final class Heads {

    private final Map<String, Head> byRepo = new HashMap<>();

    /** The repositories of {@code repos} not read yet in this transaction. */
    List<String> unread(List<String> repos) {
      return repos.stream().filter(repo -> !byRepo.containsKey(repo)).toList();
    }

    /**
     * Adds to {@code versions} up to {@code limit} candidates of each repository for the worker;
     * returns the repositories whose head ran short of that while more ready tasks lie beyond it.
     */
    List<String> shortFor(
        List<String> repos,
        WorkerId worker,
        WorkerSnapshot traits,
        Map<String, RepoSnapshot> open,
        SkillSets.Coverage coverage,
        Instant now,
        int limit,
        Map<Candidate, Long> versions) {
      List<String> shortOnes = new ArrayList<>();
      for (String repo : repos) {
        Head head = byRepo.get(repo);
        int found = 0;
        for (Row row : head.rows.values()) {
          if (found == limit) {
            break;
          }
          if (fits(row, worker, traits, open.get(repo), coverage, now)) {
            versions.put(candidate(row, coverage), row.version());
            found++;
          }
        }
        if (found < limit && !head.complete) {
          shortOnes.add(repo);
        }
      }
      return shortOnes;
    }

    /** {@code task} is no longer ready as read: leased, or found changed by a lease attempt. */
    void drop(Candidate task) {
      Head head = byRepo.get(task.repo());
      if (head != null) {
        head.rows.remove(task.id());
      }
    }
  }

  private final QueueHeadStatements statements =
      QueueHeadStatements.unionAll(QUEUE_HEAD.formatted(QueueHeadStatements.REPO, DEPTH));

  /**
   * The heads of the current transaction, bound to it on first use and forgotten when it ends;
   * empty outside a transaction.
   */
  Optional<Heads> current() {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      return Optional.empty();
    }
    Heads heads = (Heads) TransactionSynchronizationManager.getResource(this);
    if (heads == null) {
      Heads fresh = new Heads();
      TransactionSynchronizationManager.bindResource(this, fresh);
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              TransactionSynchronizationManager.unbindResourceIfPossible(WriterQueueHeads.this);
            }
          });
      heads = fresh;
    }
    return Optional.of(heads);
  }

  /** Drops {@code task} from the current transaction's heads, if it has any. */
  void drop(Candidate task) {
    if (TransactionSynchronizationManager.getResource(this) instanceof Heads heads) {
      heads.drop(task);
    }
  }

  /** Reads the heads of {@code repos} into {@code heads}. */
  void read(JdbcClient writer, List<String> repos, Heads heads) {
    repos.forEach(repo -> heads.byRepo.put(repo, new Head()));
    List<Row> read = new ArrayList<>();
    for (List<String> some : statements.batches(repos)) {
      readInto(read, writer, some);
    }
    read.sort(QUEUE_ORDER);
    read.forEach(row -> heads.byRepo.get(row.repo()).rows.put(row.id(), row));
    for (String repo : repos) {
      Head head = heads.byRepo.get(repo);
      head.complete = head.rows.size() < DEPTH;
    }
  }

  private void readInto(List<Row> read, JdbcClient writer, List<String> repos) {
    statements
        .prepare(writer, repos)
        .query(
            rs -> {
              String released = rs.getString("released_by");
              Row row =
                  new Row(
                      TaskId.of(rs.getString("task_id")),
                      rs.getString("repo"),
                      rs.getInt("priority"),
                      rs.getLong("seq"),
                      rs.getInt("estimate_points"),
                      rs.getLong("skill_set"),
                      rs.getString("area"),
                      rs.getInt("tier"),
                      rs.getLong("version"),
                      released,
                      released == null ? 0 : rs.getLong("released_until"));
              read.add(row);
            });
  }

  /**
   * Whether {@code row} passes the conditions of {@link ClaimStateReader}'s queue-head statement
   * for the worker: tier, free points, not released by it a short while ago, area not locked, and
   * skills covered.
   */
  private static boolean fits(
      Row row,
      WorkerId worker,
      WorkerSnapshot traits,
      @Nullable RepoSnapshot repo,
      SkillSets.Coverage coverage,
      Instant now) {
    return repo != null
        && row.tier() <= traits.trustTier()
        && row.estimatePoints() <= traits.load().freePoints()
        && (row.releasedBy() == null
            || !row.releasedBy().equals(worker.value())
            || row.releasedUntil() <= EpochMillis.of(now))
        && (row.area() == null || !repo.lockedAreas().contains(new AreaKey(row.area())))
        && coverage.covers(row.skillSet());
  }

  private static Candidate candidate(Row row, SkillSets.Coverage coverage) {
    return new Candidate(
        row.id(),
        row.repo(),
        row.priority(),
        row.seq(),
        row.estimatePoints(),
        coverage.skills(row.skillSet()),
        Optional.ofNullable(row.area()).map(AreaKey::new),
        row.tier());
  }
}
