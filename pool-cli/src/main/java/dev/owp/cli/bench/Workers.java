package dev.owp.cli.bench;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The threads simulated workers run on: one virtual thread each on Java 21 and newer, where
 * thousands cost next to nothing, else a platform thread each. Found by reflection, because the CLI
 * is built for Java 17.
 */
final class Workers implements AutoCloseable {

  private final ExecutorService executor;
  private final boolean virtual;

  private Workers(ExecutorService executor, boolean virtual) {
    this.executor = executor;
    this.virtual = virtual;
  }

  static Workers start(int workers) {
    try {
      Method perTask = Executors.class.getMethod("newVirtualThreadPerTaskExecutor");
      return new Workers((ExecutorService) perTask.invoke(null), true);
    } catch (ReflectiveOperationException e) {
      return new Workers(
          Executors.newFixedThreadPool(
              workers,
              task -> {
                Thread thread = new Thread(task, "bench-worker");
                thread.setDaemon(true);
                return thread;
              }),
          false);
    }
  }

  ExecutorService executor() {
    return executor;
  }

  boolean virtual() {
    return virtual;
  }

  @Override
  public void close() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(10, TimeUnit.SECONDS);
  }
}
