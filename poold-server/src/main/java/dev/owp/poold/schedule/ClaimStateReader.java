package dev.owp.poold.schedule;

import dev.owp.poold.config.PooldProperties;
import dev.owp.poold.storage.EpochMillis;
import dev.owp.poold.storage.Reader;
import dev.owp.poold.storage.SqlDialect;
import dev.owp.poold.task.SkillSets;
import dev.owp.poold.worker.WorkerRecord;
import dev.owp.poold.worker.WorkerRepository;
import dev.owp.protocol.area.AreaKey;
import dev.owp.protocol.scheduling.Candidate;
import dev.owp.protocol.scheduling.ClaimPolicy;
import dev.owp.protocol.scheduling.RepoSnapshot;
import dev.owp.protocol.scheduling.WorkerSnapshot;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link ClaimState}, either on a reader connection (to find out cheaply whether there is
 * anything to grant) or on the writer inside the claim's transaction, where on PostgreSQL the queue
 * heads are also locked, skipping rows that concurrent claims hold, so that claims on different
 * replicas aim at different tasks.
 *
 * <p>The head of a repository's ready queue is read through the partial index {@code
 * task_ready_queue (repo, priority DESC, seq) WHERE status = 'ready'} with a small limit, and only
 * for repositories with a free budget slot, all of them in one statement: the cost of a claim
 * depends on the worker's free slots and the number of open repositories, never on the size of the
 * backlog. Under SQLite's one writer the heads a transaction reads are kept for its later claims
 * ({@link WriterQueueHeads}).
 */
@Component
class ClaimStateReader {

  /** Which connection to read through. */
  enum Source {
    /** A reader connection, outside any transaction. */
    READER,
    /** The caller's write transaction, locking the queue heads where the dialect can. */
    WRITER
  }

  private static final String WORKER =
      "SELECT " + WorkerRepository.COLUMNS + " FROM worker WHERE worker_id = :workerId";

  // One row per open repository and locked area of it (area NULL for a repository with none), and
  // the number of skill sets, so that a claim learns all it needs besides its worker and the queue
  // heads in one round trip. The sub-select is not correlated: it runs once per statement.
  private static final String OPEN_REPOS_AND_LOCKED_AREAS =
      """
      SELECT r.repo, r.max_open_prs, r.area_locks_enabled, r.held, l.area,
             %s AS skill_sets
        FROM repo r
        LEFT JOIN area_lock l ON l.repo = r.repo
       WHERE r.held < r.max_open_prs
      """
          .formatted(SkillSets.COUNT);

  // The head of one repository's queue, a sub-select of QueueHeadStatements. Skips tasks the worker
  // released a short while ago, tasks whose area is locked, and tasks needing skills the worker
  // lacks (their skill set is not among the ones it covers).
  private static final String QUEUE_HEAD =
      """
        SELECT t.task_id, t.repo, t.priority, t.seq, t.estimate_points, t.skill_set, t.area,
               t.tier, t.version
          FROM task t
         WHERE t.repo = %1$s AND t.status = 'ready'
           AND t.tier <= :tier AND t.estimate_points <= :freePoints
           AND (t.released_by IS NULL OR t.released_by <> :workerId OR t.released_until <= :now)
           AND (t.area IS NULL
                OR NOT EXISTS (SELECT 1 FROM area_lock l WHERE l.repo = t.repo AND l.area = t.area))
           AND %2$s
         ORDER BY t.priority DESC, t.seq
         LIMIT :limit
        %3$s
      """;

  private final JdbcClient reader;
  private final JdbcClient writer;
  private final QueueHeadStatements readerHeads;
  private final QueueHeadStatements writerHeads;
  private final SkillSets skillSets;
  private final PooldProperties properties;
  private final boolean concurrentWriters;
  private final WriterQueueHeads inTransaction = new WriterQueueHeads();

  ClaimStateReader(
      @Reader JdbcClient reader,
      JdbcClient writer,
      SqlDialect dialect,
      SkillSets skillSets,
      PooldProperties properties) {
    this.reader = reader;
    this.writer = writer;
    this.skillSets = skillSets;
    String skills = dialect.idListed("t.skill_set", "skillSets");
    String lock = dialect.lockSkippingLocked("t");
    String repo = QueueHeadStatements.REPO;
    this.readerHeads = heads(dialect, QUEUE_HEAD.formatted(repo, skills, ""));
    this.writerHeads = heads(dialect, QUEUE_HEAD.formatted(repo, skills, lock));
    this.properties = properties;
    this.concurrentWriters = dialect.hasConcurrentWriters();
  }

  private static QueueHeadStatements heads(SqlDialect dialect, String subSelect) {
    return dialect.bindsArrays()
        ? QueueHeadStatements.lateral(subSelect)
        : QueueHeadStatements.unionAll(subSelect);
  }

  /** The claim state of {@code worker} at {@code now}; empty when there is no such worker. */
  Optional<ClaimState> read(WorkerId worker, Instant now, Source source) {
    JdbcClient jdbc = source == Source.READER ? reader : writer;
    Optional<WorkerRecord> record = find(jdbc, worker);
    if (record.isEmpty()) {
      return Optional.empty();
    }
    WorkerSnapshot snapshot = record.get().snapshot(now, properties.heartbeatTtl());
    if (ClaimPolicy.screen(snapshot).isPresent()) {
      return Optional.of(ClaimState.nothingFor(snapshot));
    }
    OpenRepos open = openRepos(jdbc);
    Map<String, RepoSnapshot> repos = open.repos();
    Map<Candidate, Long> versions = new LinkedHashMap<>();
    if (repos.isEmpty()) {
      return Optional.of(new ClaimState(snapshot, repos, versions));
    }
    SkillSets.Coverage coverage = skillSets.coveredBy(snapshot.skills(), open.skillSets(), jdbc);
    if (coverage.isEmpty()) {
      return Optional.of(new ClaimState(snapshot, repos, versions));
    }
    QueueHeadStatements heads = source == Source.READER ? readerHeads : writerHeads;
    boolean locking = source == Source.WRITER && concurrentWriters;
    List<String> toRead = List.copyOf(repos.keySet());
    int limit = headLength(snapshot, locking);
    // A worker with room for more than the kept heads hold reads its own.
    boolean useKept =
        source == Source.WRITER && !concurrentWriters && limit <= WriterQueueHeads.DEPTH;
    Optional<WriterQueueHeads.Heads> held = useKept ? inTransaction.current() : Optional.empty();
    if (held.isPresent()) {
      toRead =
          fromKept(held.get(), toRead, worker, snapshot, repos, coverage, now, limit, versions);
    }
    for (List<String> some : heads.batches(toRead)) {
      readHeads(jdbc, heads, some, worker, snapshot, coverage, now, limit, versions);
    }
    return Optional.of(new ClaimState(snapshot, repos, versions));
  }

  /**
   * Whether {@code worker} could take a lease now, by its own row alone, read on a reader: it
   * exists, is online and not paused, and has a free slot and points.
   */
  boolean hasRoom(WorkerId worker, Instant now) {
    return find(reader, worker)
        .map(w -> ClaimPolicy.screen(w.snapshot(now, properties.heartbeatTtl())).isEmpty())
        .orElse(false);
  }

  private static Optional<WorkerRecord> find(JdbcClient jdbc, WorkerId worker) {
    return jdbc.sql(WORKER)
        .param("workerId", worker.value())
        .query(WorkerRepository.WORKER)
        .optional()
        .filter(w -> w.removedAt() == null);
  }

  /**
   * Adds the candidates of {@code open} that the heads kept for the transaction hold; returns the
   * repositories the worker must read its own heads of, because their kept head ran short.
   */
  private List<String> fromKept(
      WriterQueueHeads.Heads kept,
      List<String> open,
      WorkerId worker,
      WorkerSnapshot snapshot,
      Map<String, RepoSnapshot> repos,
      SkillSets.Coverage coverage,
      Instant now,
      int limit,
      Map<Candidate, Long> versions) {
    Set<String> unread = Set.copyOf(kept.unread(open));
    inTransaction.read(writer, List.copyOf(unread), kept);
    List<String> shortOnes =
        kept.shortFor(open, worker, snapshot, repos, coverage, now, limit, versions);
    // A head read by an earlier claim may since have been drained by the transaction's leases:
    // read those again once; a head just read is as fresh as it gets.
    List<String> drained = shortOnes.stream().filter(repo -> !unread.contains(repo)).toList();
    inTransaction.read(writer, drained, kept);
    List<String> stillShort = new ArrayList<>(shortOnes.stream().filter(unread::contains).toList());
    stillShort.addAll(
        kept.shortFor(drained, worker, snapshot, repos, coverage, now, limit, versions));
    return stillShort;
  }

  /**
   * Tells the queue heads read in the current transaction (SQLite's one writer) that {@code task}
   * was leased, or found changed when a lease was attempted.
   */
  void noLongerReady(Candidate task) {
    inTransaction.drop(task);
  }

  /**
   * How many candidates of each repository a claim reads: a few more than the free slots, since
   * some of the head may share an area or lose a race; one more than the free slots when the read
   * locks what it reads, which no other claim can then take.
   */
  private static int headLength(WorkerSnapshot traits, boolean locking) {
    int free = traits.load().freeSlots();
    return Math.min(64, locking ? free + 1 : 2 * free + 4);
  }

  /** The repositories with a free budget slot, and how many skill sets the database holds. */
  private record OpenRepos(Map<String, RepoSnapshot> repos, long skillSets) {}

  private static OpenRepos openRepos(JdbcClient jdbc) {
    record Row(
        String repo,
        int maxOpenPrs,
        boolean locking,
        int held,
        @Nullable String lockedArea,
        long skillSets) {}
    List<Row> rows =
        jdbc.sql(OPEN_REPOS_AND_LOCKED_AREAS)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getString("repo"),
                        rs.getInt("max_open_prs"),
                        rs.getBoolean("area_locks_enabled"),
                        rs.getInt("held"),
                        rs.getString("area"),
                        rs.getLong("skill_sets")))
            .list();
    Map<String, Set<AreaKey>> locked = new HashMap<>();
    for (Row row : rows) {
      Set<AreaKey> areas = locked.computeIfAbsent(row.repo(), key -> new HashSet<>());
      if (row.lockedArea() != null) {
        areas.add(new AreaKey(row.lockedArea()));
      }
    }
    Map<String, RepoSnapshot> repos = new HashMap<>();
    for (Row row : rows) {
      repos.computeIfAbsent(
          row.repo(),
          key -> new RepoSnapshot(row.maxOpenPrs(), row.held(), row.locking(), locked.get(key)));
    }
    return new OpenRepos(repos, rows.isEmpty() ? 0 : rows.get(0).skillSets());
  }

  // One statement for many repositories: a claim costs a few statements rather than one per
  // repository, and each sub-select still walks only its repository's queue index.
  private static void readHeads(
      JdbcClient jdbc,
      QueueHeadStatements statements,
      List<String> repos,
      WorkerId worker,
      WorkerSnapshot traits,
      SkillSets.Coverage coverage,
      Instant now,
      int limit,
      Map<Candidate, Long> versions) {
    statements
        .prepare(jdbc, repos)
        .param("workerId", worker.value())
        .param("now", EpochMillis.of(now))
        .param("tier", traits.trustTier())
        .param("freePoints", traits.load().freePoints())
        .param("skillSets", coverage.ids())
        .param("limit", limit)
        .query(
            rs -> {
              Candidate candidate =
                  new Candidate(
                      TaskId.of(rs.getString("task_id")),
                      rs.getString("repo"),
                      rs.getInt("priority"),
                      rs.getLong("seq"),
                      rs.getInt("estimate_points"),
                      coverage.skills(rs.getLong("skill_set")),
                      Optional.ofNullable(rs.getString("area")).map(AreaKey::new),
                      rs.getInt("tier"));
              versions.put(candidate, rs.getLong("version"));
            });
  }
}
