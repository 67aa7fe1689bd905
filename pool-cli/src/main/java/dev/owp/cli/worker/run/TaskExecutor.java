package dev.owp.cli.worker.run;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.client.OwpUnreachableException;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code --exec}: runs the command once per new lease, up to the worker's concurrency, and turns
 * each outcome into a status report. A lease is started once: a task re-leased after a requeue has
 * a new lease id and runs again. Tasks that are blocked or have a pull request open wait for a
 * human and are left alone.
 */
final class TaskExecutor implements LeaseHandler {

  private static final Duration KILL_GRACE = Duration.ofSeconds(5);
  private static final Reason CANNOT_RUN =
      Reason.of("the worker's command could not be run (exit code 126 or 127)");

  private final WorkerApi api;
  private final CommandLauncher launcher;
  private final int maxConcurrent;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Runnable wake;
  private final Map<TaskId, TaskProcess> running = new LinkedHashMap<>();
  private final Set<LeaseId> started = new HashSet<>();
  private final Queue<TaskProcess> exited = new ConcurrentLinkedQueue<>();
  private final PendingReports reports;
  private final ShellFailures shellFailures = new ShellFailures();

  TaskExecutor(
      WorkerApi api,
      CommandLauncher launcher,
      int maxConcurrent,
      PrintWriter out,
      PrintWriter err,
      Runnable wake) {
    this.api = api;
    this.launcher = launcher;
    this.maxConcurrent = maxConcurrent;
    this.out = out;
    this.err = err;
    this.wake = wake;
    this.reports = new PendingReports(api, out, err);
  }

  @Override
  public void handle(WorkList work, boolean takeNewWork) {
    stopLost(work.leases().stream().map(LeaseView::leaseId).collect(Collectors.toSet()));
    if (shellFailures.gaveUp()) {
      giveBackUnstarted(work);
      return;
    }
    for (LeaseView lease : work.leases()) {
      if (!takeNewWork || running.size() >= maxConcurrent) {
        return;
      }
      boolean active =
          lease.status() == TaskStatus.LEASED || lease.status() == TaskStatus.IN_PROGRESS;
      if (active && !started.contains(lease.leaseId()) && !running.containsKey(lease.taskId())) {
        start(lease);
      }
    }
  }

  /** Leases granted before the worker paused, which its command could not run either. */
  private void giveBackUnstarted(WorkList work) {
    for (LeaseView lease : work.leases()) {
      if (lease.status() == TaskStatus.LEASED && started.add(lease.leaseId())) {
        reports.addRelease(lease.taskId(), CANNOT_RUN);
      }
    }
  }

  private void stopLost(Set<LeaseId> held) {
    for (TaskProcess task : List.copyOf(running.values())) {
      if (!held.contains(task.lease().leaseId())) {
        err.println(
            "pool: ["
                + task.lease().taskId()
                + "] the worker no longer holds this task (requeued, cancelled or expired): "
                + "stopping its command");
        err.flush();
        task.kill();
        running.remove(task.lease().taskId());
      }
    }
  }

  private void start(LeaseView lease) {
    TaskId id = lease.taskId();
    try {
      api.updateStatus(
          id,
          new StatusUpdate(
              TaskStatus.IN_PROGRESS, "running the worker's command", null, lease.leaseId()));
    } catch (OwpProblemException e) {
      started.add(lease.leaseId());
      err.println("pool: [" + id + "] not started: " + e.getMessage());
      err.flush();
      return;
    }
    started.add(lease.leaseId());
    out.println("[" + id + "] started: " + lease.title());
    out.flush();
    try {
      running.put(id, launcher.start(lease, this::exited));
    } catch (IOException e) {
      reports.add(
          id,
          new StatusUpdate(
              TaskStatus.BLOCKED,
              "the worker could not start its command: " + e.getMessage(),
              null,
              lease.leaseId()));
    }
  }

  private void exited(TaskProcess task) {
    exited.add(task);
    wake.run();
  }

  @Override
  public int running() {
    return running.size();
  }

  @Override
  public void flush() {
    boolean gaveUpBefore = shellFailures.gaveUp();
    for (TaskProcess task = exited.poll(); task != null; task = exited.poll()) {
      TaskId id = task.lease().taskId();
      if (running.get(id) == task) {
        running.remove(id);
      }
      if (!task.discarded()) {
        settle(task.outcome());
      }
    }
    out.flush();
    if (!gaveUpBefore && shellFailures.gaveUp()) {
      err.println(
          "pool: "
              + ShellFailures.LIMIT
              + " commands in a row could not be run ("
              + shellFailures.lastFailure()
              + "): giving their tasks back to the pool and taking no more work");
      err.flush();
      // Deliver after the loop's next heartbeat says the worker pauses: the server fills the room
      // a report frees with new leases, for a worker that would run nothing.
      wake.run();
      return;
    }
    reports.deliver();
  }

  /**
   * Reports how a command ended. When it makes {@link ShellFailures#LIMIT} commands in a row that
   * the shell could not run, their tasks (blocked by then, but still the worker's to release) go
   * back to the pool, for a worker whose command works.
   */
  private void settle(TaskOutcome outcome) {
    TaskId id = outcome.lease().taskId();
    out.println("[" + id + "] exited with code " + outcome.exitCode());
    List<TaskId> giveBack = shellFailures.note(outcome);
    if (!giveBack.contains(id)) {
      reports.add(id, outcome.report());
    }
    giveBack.forEach(task -> reports.addRelease(task, CANNOT_RUN));
  }

  @Override
  public @Nullable String failure() {
    return shellFailures.gaveUp()
        ? "the command cannot be run ("
            + shellFailures.lastFailure()
            + "); check --exec "
            + launcher.command()
        : null;
  }

  @Override
  public boolean hasPendingReports() {
    return !exited.isEmpty() || !reports.isEmpty();
  }

  @Override
  public void stopNow() {
    List<TaskProcess> tasks = List.copyOf(running.values());
    tasks.forEach(TaskProcess::kill);
    for (TaskProcess task : tasks) {
      task.awaitDeath(KILL_GRACE);
      release(task.lease());
    }
    running.clear();
  }

  private void release(LeaseView lease) {
    try {
      api.release(lease.taskId(), Reason.of("the worker's operator stopped its command"));
      out.println("[" + lease.taskId() + "] killed; released back to the pool");
    } catch (OwpProblemException | OwpUnreachableException e) {
      err.println(
          "pool: ["
              + lease.taskId()
              + "] killed, but not released ("
              + e.getMessage()
              + "); it returns to the pool when its lease expires");
    }
    out.flush();
    err.flush();
  }

  @Override
  public void abandon() {
    List<TaskProcess> tasks = List.copyOf(running.values());
    tasks.forEach(TaskProcess::kill);
    tasks.forEach(task -> task.awaitDeath(KILL_GRACE));
    running.clear();
  }
}
