package dev.owp.cli.worker.run;

import dev.owp.protocol.task.TaskId;
import java.util.ArrayList;
import java.util.List;

/**
 * Commands the shell could not run: exit code 126 (not executable) or 127 (not found). One such
 * exit may be the task's own doing; {@link #LIMIT} in a row mean the command itself is broken (a
 * tool missing from {@code PATH}, say), and every task the worker took would be blocked for
 * nothing. The handler then gives up: it gives those tasks back to the pool and takes no more work.
 */
final class ShellFailures {

  /** How many shell failures in a row make the handler give up. */
  static final int LIMIT = 3;

  private final List<TaskId> inARow = new ArrayList<>();
  private int lastExitCode;
  private boolean gaveUp;

  /** True for the exit codes of a shell that could not run the command. */
  static boolean isShellFailure(int exitCode) {
    return exitCode == 126 || exitCode == 127;
  }

  /**
   * Notes how a task's command ended.
   *
   * @return the tasks to give back to the pool now: none, unless this exit makes {@link #LIMIT}
   *     shell failures in a row (then all of them), or the handler gave up already and this is one
   *     more (then this task)
   */
  List<TaskId> note(TaskOutcome outcome) {
    if (!isShellFailure(outcome.exitCode())) {
      inARow.clear();
      return List.of();
    }
    lastExitCode = outcome.exitCode();
    TaskId task = outcome.lease().taskId();
    if (gaveUp) {
      return List.of(task);
    }
    inARow.add(task);
    if (inARow.size() < LIMIT) {
      return List.of();
    }
    gaveUp = true;
    List<TaskId> giveBack = List.copyOf(inARow);
    inARow.clear();
    return giveBack;
  }

  /** True once {@link #LIMIT} commands in a row could not be run. */
  boolean gaveUp() {
    return gaveUp;
  }

  /** The last shell failure in words, e.g. {@code exit code 127: command not found}. */
  String lastFailure() {
    return "exit code "
        + lastExitCode
        + (lastExitCode == 126 ? ": command not executable" : ": command not found");
  }
}
