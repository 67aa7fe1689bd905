package dev.owp.poold.task;

import dev.owp.poold.event.EventLog;
import dev.owp.poold.repo.TrackedRepoRepository;
import dev.owp.poold.storage.AfterCommit;
import dev.owp.poold.web.ApiException;
import dev.owp.protocol.event.EventType;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.task.BulkResult;
import dev.owp.protocol.task.BulkTasks;
import dev.owp.protocol.task.TaskCreated;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskUpsert;
import dev.owp.protocol.task.TaskWithdrawal;
import dev.owp.protocol.task.TaskWithdrawn;
import dev.owp.protocol.task.UpsertOutcome;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates tasks, one or many at once. A task with a {@code key} that already exists in its
 * repository is updated instead of duplicated. While a worker holds a task, only its title,
 * description and priority change: its estimate, skills, area and tier are what the worker's
 * capacity and the area lock were booked against. A task that was withdrawn (cancelled because its
 * GitHub issue went away, not by an admin) goes back to ready when it is sent again.
 */
@Service
public class TaskCatalog {

  /** Tasks created or updated by one import after which the planner's statistics are refreshed. */
  static final int STATISTICS_AFTER = 1_000;

  private static final Logger log = LoggerFactory.getLogger(TaskCatalog.class);

  private final TaskRepository tasks;
  private final TrackedRepoRepository repos;
  private final TaskMoves moves;
  private final EventLog events;
  private final Clock clock;
  private final TransactionTemplate separately;

  TaskCatalog(
      TaskRepository tasks,
      TrackedRepoRepository repos,
      TaskMoves moves,
      EventLog events,
      Clock clock,
      TransactionTemplate transactions) {
    // After a commit the committed transaction's connection is still bound: statements run then
    // need a transaction of their own to be committed.
    this.separately = new TransactionTemplate(transactions.getTransactionManager());
    separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.tasks = tasks;
    this.repos = repos;
    this.moves = moves;
    this.events = events;
    this.clock = clock;
  }

  /** Creates (or, by key, updates) one task. */
  @Transactional
  public TaskCreated create(TaskSpec spec) {
    requireRepo(spec.repo(), "");
    TaskUpsert result = upsert(spec, clock.instant());
    return new TaskCreated(true, result.taskId(), result.outcome());
  }

  /**
   * Creates or updates every task and withdraws the named ones, or does nothing: one transaction,
   * rolled back by the first error.
   */
  @Transactional
  public BulkResult createAll(BulkTasks bulk) {
    Instant now = clock.instant();
    Set<String> knownRepos = new HashSet<>();
    for (int i = 0; i < bulk.tasks().size(); i++) {
      String repo = bulk.tasks().get(i).repo();
      if (knownRepos.add(repo)) {
        requireRepo(repo, "tasks[" + i + "]: ");
      }
    }
    for (int i = 0; i < bulk.withdraw().size(); i++) {
      String repo = bulk.withdraw().get(i).repo();
      if (knownRepos.add(repo)) {
        requireRepo(repo, "withdraw[" + i + "]: ");
      }
    }
    List<TaskUpsert> results = new ArrayList<>();
    for (TaskSpec spec : bulk.tasks()) {
      results.add(upsert(spec, now));
    }
    if (results.size() >= STATISTICS_AFTER && tasks.keepsStatistics()) {
      // Statistics taken while the ready queue was empty make PostgreSQL read a task by id through
      // the ready-queue index, walking every ready task, until autovacuum analyzes the table
      // (measured: 3,000 buffers per lease at 5,000 ready tasks instead of 3).
      AfterCommit.run(this::refreshStatistics);
    }
    List<TaskWithdrawn> withdrawn = new ArrayList<>();
    for (TaskWithdrawal withdrawal : bulk.withdraw()) {
      tasks
          .findByKey(withdrawal.repo(), withdrawal.key())
          .ifPresent(task -> withdrawn.add(withdraw(task, withdrawal, now)));
    }
    return BulkResult.of(results, withdrawn);
  }

  /** The import is committed whatever becomes of this; autovacuum analyzes the table later. */
  private void refreshStatistics() {
    try {
      separately.executeWithoutResult(status -> tasks.refreshStatistics());
    } catch (RuntimeException e) {
      log.warn("Could not refresh the task table's statistics after an import", e);
    }
  }

  /** Cancels a task nobody has started; a started or finished task is kept as it is. */
  private TaskWithdrawn withdraw(TaskRecord task, TaskWithdrawal withdrawal, Instant now) {
    TaskWithdrawn.Outcome outcome =
        switch (task.status()) {
          case READY -> {
            moves.withdraw(task, withdrawal.reason(), now);
            yield TaskWithdrawn.Outcome.CANCELLED;
          }
          case CANCELLED -> TaskWithdrawn.Outcome.UNCHANGED;
          default -> TaskWithdrawn.Outcome.KEPT;
        };
    return new TaskWithdrawn(task.id(), withdrawal.key(), outcome);
  }

  private TaskUpsert upsert(TaskSpec spec, Instant now) {
    Optional<TaskRecord> existing =
        spec.key() == null ? Optional.empty() : tasks.findByKey(spec.repo(), spec.key());
    if (existing.isPresent() && existing.get().withdrawn()) {
      return reopen(existing.get(), spec, now);
    }
    if (existing.isPresent()) {
      return redefine(existing.get(), spec, now);
    }
    TaskId id = TaskId.random();
    tasks.insert(id, spec, now);
    events
        .record(EventType.TASK_CREATE, now)
        .repo(spec.repo())
        .task(id)
        .with("title", spec.title())
        .with("key", spec.key())
        .with("estimate_points", spec.estimatePoints())
        .with("priority", spec.priority())
        .with("required_skills", spec.requiredSkills())
        .with("area", spec.area())
        .with("tier", spec.tier())
        .with("issue_url", spec.issueUrl())
        .append();
    return new TaskUpsert(id, spec.key(), UpsertOutcome.CREATED);
  }

  /**
   * A task withdrawn because its issue went away is wanted again (the issue was reopened, or got
   * its label back): back to ready, with the new definition. A task an admin cancelled stays
   * cancelled.
   */
  private TaskUpsert reopen(TaskRecord task, TaskSpec spec, Instant now) {
    moves.reopen(task, spec, changedFields(task, spec), now);
    return new TaskUpsert(task.id(), task.key(), UpsertOutcome.UPDATED, true);
  }

  private TaskUpsert redefine(TaskRecord task, TaskSpec spec, Instant now) {
    boolean schedulingFieldsLocked = task.status() != TaskStatus.READY;
    TaskSpec effective =
        schedulingFieldsLocked
            ? new TaskSpec(
                spec.repo(),
                spec.title(),
                spec.description(),
                task.estimatePoints(),
                spec.priority(),
                task.requiredSkills(),
                task.area(),
                task.tier(),
                spec.key(),
                spec.issueNumber(),
                spec.issueUrl())
            : spec;
    List<String> changed = changedFields(task, effective);
    List<String> kept =
        changedFields(task, spec).stream().filter(field -> !changed.contains(field)).toList();
    if (changed.isEmpty()) {
      return new TaskUpsert(task.id(), task.key(), UpsertOutcome.UNCHANGED);
    }
    if (!tasks.redefine(task, effective, now)) {
      throw ApiException.conflict(
          "Task " + task.id() + " changed while it was being updated; retry");
    }
    events
        .record(EventType.TASK_UPDATE, now)
        .repo(task.repo())
        .task(task.id())
        .with("key", task.key())
        .with("changed", changed)
        .with("kept_while_held", kept.isEmpty() ? null : kept)
        .append();
    return new TaskUpsert(task.id(), task.key(), UpsertOutcome.UPDATED);
  }

  private static List<String> changedFields(TaskRecord task, TaskSpec spec) {
    List<String> changed = new ArrayList<>();
    addIf(changed, "title", !task.title().equals(spec.title()));
    addIf(changed, "description", !Objects.equals(task.description(), spec.description()));
    addIf(changed, "priority", task.priority() != spec.priority());
    addIf(changed, "estimate_points", task.estimatePoints() != spec.estimatePoints());
    addIf(changed, "required_skills", !task.requiredSkills().equals(spec.requiredSkills()));
    addIf(changed, "area", !Objects.equals(task.area(), spec.area()));
    addIf(changed, "tier", task.tier() != spec.tier());
    addIf(
        changed,
        "issue_url",
        spec.issueUrl() != null && !spec.issueUrl().equals(task.issueUrl())
            || spec.issueNumber() != null && !spec.issueNumber().equals(task.issueNumber()));
    return changed;
  }

  private static void addIf(List<String> fields, String field, boolean condition) {
    if (condition) {
      fields.add(field);
    }
  }

  private void requireRepo(String repo, String where) {
    if (repos.find(repo).isEmpty()) {
      throw new ApiException(ProblemType.UNKNOWN_REPO, where + "Unknown repo: " + repo)
          .with("repo", repo);
    }
  }
}
