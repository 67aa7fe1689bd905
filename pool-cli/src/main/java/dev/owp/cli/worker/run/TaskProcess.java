package dev.owp.cli.worker.run;

import dev.owp.protocol.lease.LeaseView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One task's running command. Its output is streamed to the worker's output, each line prefixed
 * with the task id, and remembered in an {@link OutputTail}; when it exits, the {@code onExit}
 * callback gets the finished process (on the process's own thread).
 */
final class TaskProcess {

  private static final int TAIL_LINES = 20;

  private final LeaseView lease;
  private final Process process;
  private final Path taskFile;
  private final OutputTail tail = new OutputTail(TAIL_LINES);
  private volatile boolean discarded;
  private volatile int exitCode = -1;

  private TaskProcess(LeaseView lease, Process process, Path taskFile) {
    this.lease = lease;
    this.process = process;
    this.taskFile = taskFile;
  }

  /** Watches {@code process}, started for {@code lease}; {@code taskFile} is deleted at exit. */
  static TaskProcess watch(
      LeaseView lease,
      Process process,
      Path taskFile,
      PrintWriter out,
      Consumer<TaskProcess> onExit) {
    TaskProcess task = new TaskProcess(lease, process, taskFile);
    Thread pump = new Thread(() -> task.pump(out), "output-" + lease.taskId());
    pump.setDaemon(true);
    pump.start();
    Thread waiter = new Thread(() -> task.await(pump, onExit), "command-" + lease.taskId());
    waiter.setDaemon(true);
    waiter.start();
    return task;
  }

  /** The task the command runs for. */
  LeaseView lease() {
    return lease;
  }

  /** How the command ended; only meaningful once it exited. */
  TaskOutcome outcome() {
    return new TaskOutcome(lease, exitCode, tail.pullRequest(), tail.lines());
  }

  /** True when the outcome must not be reported: the command was killed on purpose. */
  boolean discarded() {
    return discarded;
  }

  /** Kills the command and everything it started; its outcome will not be reported. */
  void kill() {
    discarded = true;
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }

  /** Waits for the command to exit after {@link #kill}, forcing it after {@code grace}. */
  void awaitDeath(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pump(PrintWriter out) {
    String prefix = "[" + lease.taskId() + "] ";
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        tail.add(line);
        out.println(prefix + line);
        out.flush();
      }
    } catch (IOException e) {
      // The stream closes under us when the command is killed; its output simply ends there.
      tail.add("(output unreadable: " + e.getMessage() + ")");
    }
  }

  private void await(Thread pump, Consumer<TaskProcess> onExit) {
    try {
      exitCode = process.waitFor();
      // A command may leave a background child holding its output open: do not wait for ever.
      pump.join(Duration.ofSeconds(2).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deleteTaskFile();
      onExit.accept(this);
    }
  }

  private void deleteTaskFile() {
    try {
      Files.deleteIfExists(taskFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + taskFile, e);
    }
  }
}
