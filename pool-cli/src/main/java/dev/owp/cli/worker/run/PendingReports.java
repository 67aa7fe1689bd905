package dev.owp.cli.worker.run;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Status reports and releases waiting for delivery, oldest first. A report the server refuses is
 * dropped with a message (the task has moved on, e.g. an admin requeued it); one the server cannot
 * receive stays queued until it can, so a finished command's result is never lost to a network
 * blip.
 */
final class PendingReports {

  /** A status report, or a release when {@code release} is not null. */
  private record Report(TaskId task, @Nullable StatusUpdate update, @Nullable Reason release) {}

  private final Deque<Report> queue = new ArrayDeque<>();
  private final WorkerApi api;
  private final PrintWriter out;
  private final PrintWriter err;

  PendingReports(WorkerApi api, PrintWriter out, PrintWriter err) {
    this.api = api;
    this.out = out;
    this.err = err;
  }

  /** Queues a report. */
  void add(TaskId task, StatusUpdate update) {
    queue.addLast(new Report(task, update, null));
  }

  /** Queues giving a task back to the pool. */
  void addRelease(TaskId task, Reason reason) {
    queue.addLast(new Report(task, null, reason));
  }

  /** True when reports wait. */
  boolean isEmpty() {
    return queue.isEmpty();
  }

  /**
   * Sends the queued reports in order.
   *
   * @throws dev.owp.protocol.client.OwpUnreachableException when the server cannot be reached; the
   *     report stays first in the queue
   */
  void deliver() {
    while (!queue.isEmpty()) {
      Report report = queue.peekFirst();
      try {
        out.println("[" + report.task() + "] " + send(report));
      } catch (OwpProblemException e) {
        err.println(
            "pool: [" + report.task() + "] could not " + what(report) + ": " + e.getMessage());
      }
      queue.removeFirst();
      out.flush();
      err.flush();
    }
  }

  private String send(Report report) {
    if (report.release() != null) {
      api.release(report.task(), report.release());
      return "released back to the pool";
    }
    StatusUpdate update = Objects.requireNonNull(report.update());
    api.updateStatus(report.task(), update);
    return "reported " + update.status().wireName() + summary(update);
  }

  private static String what(Report report) {
    return report.update() == null
        ? "release the task"
        : "report " + report.update().status().wireName();
  }

  private static String summary(StatusUpdate update) {
    if (update.artifact() != null && update.artifact().prUrl() != null) {
      return " " + update.artifact().prUrl();
    }
    String message = update.message() == null ? "" : update.message();
    int newline = message.indexOf('\n');
    return message.isEmpty() ? "" : ": " + (newline < 0 ? message : message.substring(0, newline));
  }
}
