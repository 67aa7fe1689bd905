package dev.owp.cli.bench;

import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One simulated worker: heartbeats, polls, and takes every lease straight through in_progress →
 * pr_opened → merged, as fast as the server answers. A report that frees room answers with the
 * leases that filled it, so the worker polls only when it has nothing left to do, as a real worker
 * would. With nothing to do it waits, as {@code pool worker run} does, for its next heartbeat (the
 * request that leases it more) or its next {@code --poll-every}: {@code GET /v1/work} only lists
 * what a worker holds, so polling again at once would find nothing new and only take the server's
 * time from the workers that have work. It times every request after the warm-up into its own
 * samples, so workers never contend with each other on the client side.
 */
final class BenchWorker implements Runnable {

  /** After a failed poll, so a struggling server is not hammered by a tight retry loop. */
  private static final long ERROR_BACKOFF_NANOS = 50_000_000;

  private final String name;
  private final OwpClient client;
  private final BenchSettings settings;
  private final RunTallies tallies;
  private final StopSignal stop;
  private final Map<Endpoint, LatencySamples> latencies = new EnumMap<>(Endpoint.class);

  /** Leases to take through, from the last poll and from the answers to reports since. */
  private final Deque<LeaseView> todo = new ArrayDeque<>();

  BenchWorker(
      String name, OwpClient client, BenchSettings settings, RunTallies tallies, StopSignal stop) {
    this.name = name;
    this.client = client;
    this.settings = settings;
    this.tallies = tallies;
    this.stop = stop;
    for (Endpoint endpoint : Endpoint.values()) {
      latencies.put(endpoint, new LatencySamples());
    }
  }

  Map<Endpoint, LatencySamples> latencies() {
    return latencies;
  }

  @Override
  public void run() {
    long heartbeatNanos = settings.heartbeatEvery().toNanos();
    long pollNanos = settings.pollEvery().toNanos();
    long nextHeartbeat = System.nanoTime();
    long nextPoll = nextHeartbeat;
    // Whether the worker may hold leases it has not seen: at the start, after a heartbeat that
    // granted some, and after finishing what it knew of (a failed report leaves its task held).
    boolean unseen = true;
    while (!stop.isGiven()) {
      long now = System.nanoTime();
      if (now - nextHeartbeat >= 0) {
        HeartbeatAck beat =
            call(Endpoint.HEARTBEAT, () -> client.heartbeat(Heartbeat.of(null, null)));
        nextHeartbeat = System.nanoTime() + heartbeatNanos;
        unseen |= beat == null || beat.leasesGranted() > 0;
      }
      LeaseView next = todo.poll();
      if (next != null) {
        finish(next);
        unseen = true;
        continue;
      }
      if (unseen || (pollNanos > 0 && now - nextPoll >= 0)) {
        WorkList work = call(Endpoint.WORK, client::work);
        // Counted from the answer, as a worker that waits after each poll would: paced from the
        // request, a thousand workers started together would keep polling in the same instant.
        nextPoll = System.nanoTime() + pollNanos;
        unseen = work == null;
        if (work == null) {
          stop.await(ERROR_BACKOFF_NANOS);
        } else {
          todo.addAll(work.leases());
        }
        continue;
      }
      long due = pollNanos > 0 && nextPoll - nextHeartbeat < 0 ? nextPoll : nextHeartbeat;
      stop.await(due - System.nanoTime());
    }
  }

  /**
   * Takes {@code lease} from where it stands to merged. A failed report leaves it where it got to:
   * the next poll lists it again, unless it was lost.
   */
  private void finish(LeaseView lease) {
    TaskStatus status = lease.status();
    if (status == TaskStatus.LEASED) {
      tallies.completions().leased(lease.taskId());
      if (!update(lease, TaskStatus.IN_PROGRESS, null)) {
        return;
      }
      status = TaskStatus.IN_PROGRESS;
    }
    if (status == TaskStatus.IN_PROGRESS) {
      Artifact pr =
          Artifact.ofPullRequest(
              "https://github.com/"
                  + lease.repo()
                  + "/pull/"
                  + (1 + Math.floorMod(lease.taskId().hashCode(), 1_000_000)));
      if (!update(lease, TaskStatus.PR_OPENED, pr)) {
        return;
      }
      status = TaskStatus.PR_OPENED;
    }
    if (status == TaskStatus.PR_OPENED && update(lease, TaskStatus.MERGED, null)) {
      tallies.completions().merged(lease.taskId());
    }
  }

  /** Reports {@code to}; true when the server took it. The leases it granted are queued. */
  private boolean update(LeaseView lease, TaskStatus to, @Nullable Artifact artifact) {
    StatusAck ack =
        call(
            Endpoint.STATUS,
            () ->
                client.updateStatus(
                    lease.taskId(), new StatusUpdate(to, null, artifact, lease.leaseId())));
    if (ack == null) {
      return false;
    }
    todo.addAll(ack.newLeases());
    return true;
  }

  /**
   * Runs one request, timed when it starts after the warm-up; null when it failed (the failure is
   * tallied).
   */
  private <T> @Nullable T call(Endpoint endpoint, Supplier<T> request) {
    RunClock clock = tallies.clock();
    long start = clock.now();
    try {
      T answer = request.get();
      if (clock.measures(start)) {
        latencies.get(endpoint).add(clock.now() - start);
      }
      return answer;
    } catch (RuntimeException e) {
      tallies.errors().record(endpoint, e);
      return null;
    } finally {
      tallies.requests().count(start);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
