package dev.owp.cli.worker.run;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import java.io.PrintWriter;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Status reports waiting for delivery, oldest first. A report the server refuses is dropped with a
 * message (the task has moved on, e.g. an admin requeued it); one the server cannot receive stays
 * queued until it can, so a finished command's result is never lost to a network blip.
 */
final class PendingReports {

  private record Report(TaskId task, StatusUpdate update) {}

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
    queue.addLast(new Report(task, update));
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
      String status = report.update().status().wireName();
      try {
        api.updateStatus(report.task(), report.update());
        out.println("[" + report.task() + "] reported " + status + summary(report.update()));
      } catch (OwpProblemException e) {
        err.println(
            "pool: [" + report.task() + "] could not report " + status + ": " + e.getMessage());
      }
      queue.removeFirst();
      out.flush();
      err.flush();
    }
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
