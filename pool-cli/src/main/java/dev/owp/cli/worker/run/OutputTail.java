package dev.owp.cli.worker.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what a task's command printed that matters afterwards: its last lines, for a blocked
 * task's message, and the last pull-request URL ({@code https://…/pull/N}), which opens the task's
 * pull request. Thread-safe: the command's output is read on its own thread.
 */
final class OutputTail {

  /** A pull request URL; the last one printed wins (tools often echo the base URL earlier). */
  static final Pattern PULL_REQUEST = Pattern.compile("https://[^\\s\"'<>()\\[\\]`]+/pull/\\d+");

  /** Terminal escapes: colours and cursor moves (CSI), titles and hyperlinks (OSC). */
  private static final Pattern ANSI =
      Pattern.compile(
          "\u001B\\[[0-9;?]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(?:\u0007|\u001B\\\\)?");

  /**
   * Other control characters: those the server refuses in a message, and carriage return too, which
   * only a progress bar redrawing its line puts inside one. Tab is text.
   */
  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0A-\\x1F]");

  private static final int MAX_LINE = 1000;

  private final int size;
  private final Deque<String> lines = new ArrayDeque<>();
  private @Nullable String pullRequest;

  /** Keeps the last {@code size} lines. */
  OutputTail(int size) {
    this.size = size;
  }

  /** Takes one line of output. */
  synchronized void add(String raw) {
    String line = CONTROL.matcher(ANSI.matcher(raw).replaceAll("")).replaceAll("");
    Matcher matcher = PULL_REQUEST.matcher(line);
    while (matcher.find()) {
      pullRequest = matcher.group();
    }
    lines.addLast(line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…");
    if (lines.size() > size) {
      lines.removeFirst();
    }
  }

  /** The last pull-request URL printed, or null. */
  synchronized @Nullable String pullRequest() {
    return pullRequest;
  }

  /** The last lines, oldest first. */
  synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
