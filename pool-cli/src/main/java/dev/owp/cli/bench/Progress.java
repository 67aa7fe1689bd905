package dev.owp.cli.bench;

import java.io.PrintWriter;

/**
 * The live part of a run on standard error: one line per set-up step, then a progress line that
 * refreshes in place on a terminal (and is printed every five seconds otherwise, for logs).
 */
final class Progress {

  private final PrintWriter err;
  private final boolean terminal;
  private long lastPrinted;
  private boolean lineOpen;

  Progress(PrintWriter err, boolean terminal) {
    this.err = err;
    this.terminal = terminal;
  }

  void step(String what) {
    finishLine();
    err.println("  " + what + " …");
    err.flush();
  }

  /** A line the user should read, e.g. about the run's set-up. */
  void note(String what) {
    finishLine();
    err.println("  note: " + what);
    err.flush();
  }

  void running(
      int completed, int total, long requests, long errors, double seconds, boolean warmingUp) {
    long now = System.nanoTime();
    if (!terminal && now - lastPrinted < 5_000_000_000L) {
      return;
    }
    lastPrinted = now;
    String line =
        String.format(
            "  %6.1f s  %d/%d tasks merged  %.0f tasks/s  %.0f req/s  %d errors%s",
            seconds,
            completed,
            total,
            seconds > 0 ? completed / seconds : 0,
            seconds > 0 ? requests / seconds : 0,
            errors,
            warmingUp ? "  (warming up)" : "");
    if (terminal) {
      err.print("\r" + line + "\u001b[K");
      lineOpen = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  void done() {
    finishLine();
  }

  private void finishLine() {
    if (lineOpen) {
      err.println();
      lineOpen = false;
    }
  }
}
