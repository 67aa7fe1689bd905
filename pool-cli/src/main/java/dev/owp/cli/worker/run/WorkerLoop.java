package dev.owp.cli.worker.run;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.StopSignal;
import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.client.OwpUnreachableException;
import dev.owp.protocol.problem.ProblemType;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.WorkerStatus;
import dev.owp.protocol.worker.WorkerView;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The worker loop: heartbeats every {@code heartbeatEvery} (renewing the worker's leases however
 * long its commands run), fetches its work every {@code pollEvery} or as soon as a heartbeat or a
 * report granted some, and hands it to a {@link LeaseHandler}.
 *
 * <p>A server that cannot be reached never ends the loop: it says so, waits with exponential
 * back-off and carries on (the original died on the first failed heartbeat). Only {@code once},
 * meant for scripts, gives up: at once when the server was never reached, else after {@link
 * #ONCE_ATTEMPTS} failures in a row while no command runs. The first stop request (Ctrl-C) drains:
 * no new work, running commands finish and are reported; the second kills them and releases their
 * tasks. {@code once} drains right after the first fetch of work, and so does a handler that gives
 * up on its command.
 */
public final class WorkerLoop {

  /** With {@code once}, how many failed attempts in a row end the loop once the server answered. */
  static final int ONCE_ATTEMPTS = 5;

  /** How the loop paces itself. */
  public record Settings(Duration heartbeatEvery, Duration pollEvery, boolean once) {}

  /**
   * Makes the handler once the worker is known; {@code wake} interrupts the loop's wait. The
   * handler reports through {@code api}, which tells the loop when a report was granted new work.
   */
  @FunctionalInterface
  public interface HandlerFactory {
    /** The handler for {@code worker}. */
    LeaseHandler create(WorkerView worker, WorkerApi api, Runnable wake);
  }

  private final WorkerApi api;
  private final HandlerFactory handlers;
  private final Settings settings;
  private final StopSignal stop;
  private final Backoff backoff;
  private final PrintWriter out;
  private final PrintWriter err;
  private final BlockingQueue<Boolean> wakeups = new LinkedBlockingQueue<>();
  private final AtomicBoolean granted = new AtomicBoolean();
  private @Nullable LeaseHandler handler;
  private boolean reached;
  private boolean workTaken;
  private long nextHeartbeat;
  private long nextPoll;
  private long retryAt;
  private int failuresInARow;

  /** A loop over {@code api}; nothing happens until {@link #run}. */
  public WorkerLoop(
      WorkerApi api,
      HandlerFactory handlers,
      Settings settings,
      StopSignal stop,
      Backoff backoff,
      PrintWriter out,
      PrintWriter err) {
    this.api = api;
    this.handlers = handlers;
    this.settings = settings;
    this.stop = stop;
    this.backoff = backoff;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs until drained or stopped.
   *
   * @return {@link ExitCodes#OK}, {@link ExitCodes#SERVER_UNREACHABLE} when stopped before the
   *     server was ever reached, or {@link ExitCodes#REJECTED} when the handler gave up
   * @throws OwpProblemException when the server refuses the worker's token
   * @throws OwpUnreachableException when {@code once} gives up on the server
   */
  public int run() throws Exception {
    try (AutoCloseable listener = stop.onPress(this::wake)) {
      int code = loop();
      signOff();
      return code;
    } finally {
      if (handler != null && handler.running() > 0) {
        handler.abandon();
      }
    }
  }

  /**
   * Tells the server the worker stopped taking work. Without it the worker would count as online
   * until its heartbeat TTL ran out, and could be leased tasks nobody runs meanwhile. The next
   * {@code pool worker run} reports it idle again.
   */
  private void signOff() {
    if (!reached) {
      return;
    }
    try {
      api.signOff("worker stopped");
    } catch (OwpUnreachableException | OwpProblemException e) {
      err.println(
          "pool: could not tell " + api.server() + " that the worker stopped: " + e.getMessage());
      err.flush();
    }
  }

  private int loop() throws InterruptedException {
    long start = System.nanoTime();
    nextHeartbeat = start;
    nextPoll = start;
    retryAt = start;
    boolean announced = false;
    boolean wasDraining = false;
    while (true) {
      int presses = stop.presses();
      if (presses >= 2) {
        if (handler != null) {
          handler.stopNow();
        }
        out.println("Stopped.");
        return reached ? ExitCodes.OK : ExitCodes.SERVER_UNREACHABLE;
      }
      boolean draining = presses == 1 || (settings.once() && workTaken) || failure() != null;
      if (draining && !wasDraining) {
        wasDraining = true;
        // Tell the server at once, before any report frees room it would fill with new leases.
        nextHeartbeat = System.nanoTime();
      }
      if (presses == 1 && !announced) {
        announced = true;
        announceDrain();
      }
      if (draining && (handler == null || idle(handler))) {
        return drained();
      }
      long now = System.nanoTime();
      if (now - retryAt >= 0) {
        step(now, draining);
        boolean startsDraining = settings.once() && workTaken && !draining;
        if (startsDraining || (draining && handler != null && idle(handler))) {
          // Decide at once rather than after the next wait: --once may be done already.
          continue;
        }
      }
      // After a failure nothing is due before the retry; otherwise the next heartbeat or poll.
      long due = Math.min(nextHeartbeat, nextPoll);
      awaitNanos((retryAt - due > 0 ? retryAt : due) - System.nanoTime());
    }
  }

  private @Nullable String failure() {
    return handler == null ? null : handler.failure();
  }

  private int drained() {
    String failure = failure();
    if (failure != null) {
      err.println("pool: stopped: " + failure);
      err.flush();
      return ExitCodes.REJECTED;
    }
    return reached ? ExitCodes.OK : ExitCodes.SERVER_UNREACHABLE;
  }

  private static boolean idle(LeaseHandler handler) {
    return handler.running() == 0 && !handler.hasPendingReports();
  }

  private void step(long now, boolean draining) {
    try {
      LeaseHandler current = handler();
      if (now - nextHeartbeat >= 0) {
        nextHeartbeat = now + settings.heartbeatEvery().toNanos();
        if (api.heartbeat(heartbeat(current, draining)).leasesGranted() > 0) {
          nextPoll = now;
        }
      }
      current.flush();
      if (granted.getAndSet(false)) {
        nextPoll = now;
      }
      if (now - nextPoll >= 0) {
        nextPoll = now + settings.pollEvery().toNanos();
        current.handle(api.work(), !draining);
        workTaken = true;
      }
      reachedAgain();
    } catch (OwpUnreachableException e) {
      failuresInARow++;
      if (givesUp()) {
        throw e;
      }
      retryLater(now, e.getMessage());
    } catch (OwpProblemException e) {
      if (e.type().filter(t -> t == ProblemType.UNAUTHENTICATED).isPresent()) {
        throw e;
      }
      retryLater(now, e.getMessage());
    }
  }

  /**
   * True when {@code once} should stop retrying: a script is better told at once that the server is
   * down. A running command is never abandoned for it, though: its lease outlives a short outage.
   */
  private boolean givesUp() {
    if (!settings.once() || (handler != null && handler.running() > 0)) {
      return false;
    }
    return !reached || failuresInARow >= ONCE_ATTEMPTS;
  }

  private LeaseHandler handler() {
    if (handler == null) {
      WorkerView me = api.me();
      reached = true;
      out.println(
          "Worker "
              + me.workerId()
              + " ("
              + me.name()
              + "): skills "
              + (me.skills().isEmpty() ? "-" : String.join(",", me.skills()))
              + "; up to "
              + me.maxConcurrentTasks()
              + " tasks and "
              + me.capacityPoints()
              + " points at once");
      out.flush();
      handler = handlers.create(me, api.onNewLeases(this::workGranted), this::wake);
    }
    return handler;
  }

  private void workGranted() {
    granted.set(true);
    wake();
  }

  private Heartbeat heartbeat(LeaseHandler current, boolean draining) {
    int running = current.running();
    if (draining) {
      // Paused takes no new leases but renews the held ones: exactly what draining needs.
      return new Heartbeat(WorkerStatus.PAUSED, "finishing " + running + " running command(s)");
    }
    return new Heartbeat(running > 0 ? WorkerStatus.WORKING : WorkerStatus.IDLE, null);
  }

  private void retryLater(long now, @Nullable String why) {
    Duration delay = backoff.nextDelay();
    retryAt = now + delay.toNanos();
    err.println("pool: " + why + "; retrying in " + Backoff.words(delay));
    err.flush();
    if (handler != null) {
      handler.printedElsewhere();
    }
  }

  private void reachedAgain() {
    failuresInARow = 0;
    if (!backoff.isReset()) {
      backoff.reset();
      err.println("pool: reached " + api.server() + " again");
      err.flush();
      if (handler != null) {
        handler.printedElsewhere();
      }
    }
  }

  private void announceDrain() {
    int running = handler == null ? 0 : handler.running();
    err.println(
        "pool: stopping: no new work; waiting for "
            + running
            + " running command(s) (Ctrl-C again to kill them and release their tasks)");
    err.flush();
    if (handler != null) {
      handler.printedElsewhere();
    }
  }

  private void wake() {
    wakeups.offer(Boolean.TRUE);
  }

  private void awaitNanos(long nanos) throws InterruptedException {
    if (nanos > 0 && wakeups.poll(nanos, TimeUnit.NANOSECONDS) != null) {
      wakeups.clear();
    }
  }
}
