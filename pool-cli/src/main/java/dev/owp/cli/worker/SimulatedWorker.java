package dev.owp.cli.worker;

import dev.owp.cli.common.StopSignal;
import dev.owp.cli.worker.run.Backoff;
import dev.owp.cli.worker.run.WorkerApi;
import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.client.OwpUnreachableException;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.WorkerStatus;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A pretend worker for demos: for each new lease it reports in_progress, waits, "opens" a pull
 * request at {@code <pr-base-url>/<task_id>} and, with {@code merge}, merges it after another wait.
 * Network failures are retried with back-off rather than ending the demo.
 */
final class SimulatedWorker {

  /** The simulation's pace and options. */
  record Settings(
      Duration heartbeatEvery,
      Duration pollEvery,
      Duration openDelay,
      boolean merge,
      Duration mergeDelay,
      String prBaseUrl,
      boolean once) {}

  private static final Duration TICK = Duration.ofMillis(200);

  private final WorkerApi api;
  private final Settings settings;
  private final StopSignal stop;
  private final PrintWriter out;
  private final PrintWriter err;
  private final Set<LeaseId> processed = new HashSet<>();
  private final Backoff backoff = Backoff.standard();
  private List<LeaseView> pending = List.of();

  SimulatedWorker(
      WorkerApi api, Settings settings, StopSignal stop, PrintWriter out, PrintWriter err) {
    this.api = api;
    this.settings = settings;
    this.stop = stop;
    this.out = out;
    this.err = err;
  }

  /** Simulates until stopped or, with {@code once}, until a poll finds nothing new. */
  void run() throws InterruptedException {
    long nextHeartbeat = System.nanoTime();
    long nextPoll = nextHeartbeat;
    while (stop.presses() == 0) {
      long now = System.nanoTime();
      try {
        if (now - nextHeartbeat >= 0) {
          WorkerStatus status = pending.isEmpty() ? WorkerStatus.IDLE : WorkerStatus.WORKING;
          api.heartbeat(new Heartbeat(status, "simulated worker"));
          nextHeartbeat = now + settings.heartbeatEvery().toNanos();
        }
        if (now - nextPoll >= 0) {
          pending = api.work().leases().stream().filter(this::isNew).toList();
          nextPoll = now + settings.pollEvery().toNanos();
          if (settings.once() && pending.isEmpty()) {
            break;
          }
          for (LeaseView lease : pending) {
            process(lease);
          }
        }
        backoff.reset();
        pause(TICK);
      } catch (OwpUnreachableException e) {
        Duration delay = backoff.nextDelay();
        err.println("pool: " + e.getMessage() + "; retrying in " + Backoff.words(delay));
        err.flush();
        pause(delay);
      }
    }
    if (stop.presses() > 0) {
      releaseUnfinished();
    }
    signOff();
    out.println("Sim worker done");
    out.flush();
  }

  private boolean isNew(LeaseView lease) {
    boolean active =
        lease.status() == TaskStatus.LEASED || lease.status() == TaskStatus.IN_PROGRESS;
    return active && !processed.contains(lease.leaseId());
  }

  private void process(LeaseView lease) throws InterruptedException {
    if (stop.presses() > 0) {
      return;
    }
    out.println("Processing " + lease.taskId() + ": " + lease.title());
    out.flush();
    try {
      report(lease, TaskStatus.IN_PROGRESS, "simulated work started", null);
      if (!pause(settings.openDelay())) {
        return;
      }
      String url = settings.prBaseUrl().replaceAll("/+$", "") + "/" + lease.taskId();
      report(lease, TaskStatus.PR_OPENED, "simulated PR opened", Artifact.ofPullRequest(url));
      if (settings.merge() && pause(settings.mergeDelay())) {
        report(lease, TaskStatus.MERGED, "simulated merge", null);
      }
    } catch (OwpProblemException e) {
      err.println("pool: [" + lease.taskId() + "] " + e.getMessage());
      err.flush();
    }
    processed.add(lease.leaseId());
  }

  private void report(
      LeaseView lease, TaskStatus status, String message, @Nullable Artifact artifact) {
    api.updateStatus(lease.taskId(), new StatusUpdate(status, message, artifact, lease.leaseId()));
  }

  /** Gives back the tasks not finished, so that they need not wait for their leases to lapse. */
  private void releaseUnfinished() {
    try {
      for (LeaseView lease : api.work().leases()) {
        if (lease.status().isActive()) {
          api.release(lease.taskId(), Reason.of("simulated worker stopped"));
          out.println("Released " + lease.taskId());
        }
      }
    } catch (OwpProblemException | OwpUnreachableException e) {
      err.println("pool: unfinished tasks not released: " + e.getMessage());
    }
  }

  /** Tells the server the worker stopped, so that it is not leased tasks nobody runs. */
  private void signOff() {
    try {
      api.signOff("simulated worker stopped");
    } catch (OwpProblemException | OwpUnreachableException e) {
      err.println("pool: could not tell the server that the worker stopped: " + e.getMessage());
    }
  }

  /** Waits {@code duration}; false when stop was requested meanwhile. */
  private boolean pause(Duration duration) throws InterruptedException {
    return stop.await(0, duration) == 0;
  }
}
