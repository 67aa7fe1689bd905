package dev.owp.cli.worker.run;

import dev.owp.protocol.lease.LeaseView;
import dev.owp.protocol.task.Artifact;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a task's command ended, and the status report it calls for: exit 0 with a pull-request URL
 * opens the pull request; exit 0 without one, or any other exit code, blocks the task with the last
 * lines of output as the message.
 *
 * @param lease the task the command ran for
 * @param exitCode the command's exit code
 * @param pullRequest the last pull-request URL it printed, or null
 * @param lastLines its last lines of output
 */
record TaskOutcome(
    LeaseView lease, int exitCode, @Nullable String pullRequest, List<String> lastLines) {

  /** The longest message the server accepts. */
  static final int MAX_MESSAGE = 4000;

  /** Copies the lines. */
  TaskOutcome {
    lastLines = List.copyOf(lastLines);
  }

  /** True when the task's pull request opened. */
  boolean opened() {
    return exitCode == 0 && pullRequest != null;
  }

  /** The status report for the task. */
  StatusUpdate report() {
    if (opened()) {
      return new StatusUpdate(
          TaskStatus.PR_OPENED,
          "pull request opened by the worker's command",
          Artifact.ofPullRequest(pullRequest),
          lease.leaseId());
    }
    String headline =
        exitCode == 0
            ? "command succeeded but printed no pull request URL"
            : "command failed with exit code " + exitCode;
    return new StatusUpdate(TaskStatus.BLOCKED, message(headline), null, lease.leaseId());
  }

  /** The headline and as many of the last lines as fit in {@link #MAX_MESSAGE} characters. */
  String message(String headline) {
    if (lastLines.isEmpty()) {
      return headline;
    }
    String intro = headline + "; last lines of output:";
    List<String> kept = new ArrayList<>(lastLines);
    String message = join(intro, kept);
    while (message.length() > MAX_MESSAGE && kept.size() > 1) {
      kept.remove(0);
      message = join(intro, kept);
    }
    if (message.length() > MAX_MESSAGE) {
      String only = kept.get(0);
      int room = MAX_MESSAGE - intro.length() - 2;
      message = join(intro, List.of("…" + only.substring(only.length() - room + 1)));
    }
    return message;
  }

  private static String join(String intro, List<String> lines) {
    return intro + "\n" + String.join("\n", lines);
  }
}
