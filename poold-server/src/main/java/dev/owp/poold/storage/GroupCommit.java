package dev.owp.poold.storage;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * SQLite's write transactions, committed in groups.
 *
 * <p>SQLite writes through one connection at a time, and most of a small transaction's cost is its
 * commit, which copies every page the transaction changed to the write-ahead log. Left alone, the
 * request threads of a busy pool queue for that connection and commit one by one. Here a
 * transaction is handed to one writer thread instead, which runs every transaction waiting at that
 * moment inside one SQLite transaction, each under a savepoint of its own, and commits them
 * together: the pages several of them change (the tail of the event log, a repository's row, the
 * index pages of a status) reach the log once per group. A transaction that fails is rolled back to
 * its savepoint alone, with what it registered to run after commit. Its caller gets the result, or
 * the exception, only once the group has committed, so an answer still means the change is saved.
 *
 * <p>The rules stay where they were, in the statements: each transaction of a group sees the ones
 * before it, exactly as if they had committed one after another. A transaction started inside
 * another joins it as usual. PostgreSQL, where many connections write at once, does not use this.
 */
public final class GroupCommit extends TransactionTemplate implements DisposableBean {

  /**
   * The most transactions one commit carries: enough to take the whole queue that forms under load,
   * few enough that the first of a group does not wait long for the last.
   */
  static final int MAX_GROUP = 64;

  private static final Duration STOP_WAIT = Duration.ofSeconds(10);

  private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
  private final Pending<Void> stop = new Pending<>(status -> null);
  private final DistributionSummary groupSizes;
  private final Thread writer;
  private volatile boolean closed;

  public GroupCommit(PlatformTransactionManager transactionManager, MeterRegistry registry) {
    super(transactionManager);
    groupSizes =
        DistributionSummary.builder("owp.sqlite.commit.group")
            .description("Write transactions committed together by SQLite's one writer")
            .register(registry);
    Gauge.builder("owp.sqlite.commit.waiting", this, GroupCommit::waiting)
        .description("Write transactions waiting for SQLite's one writer")
        .register(registry);
    writer = new Thread(this::writeAll, "sqlite-writer");
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Runs {@code action} in a transaction of the next group, and returns once that group is
   * committed; inside a transaction already, joins it.
   */
  @Override
  public <T> @Nullable T execute(TransactionCallback<T> action) {
    if (closed
        || Thread.currentThread() == writer
        || TransactionSynchronizationManager.isActualTransactionActive()) {
      return super.execute(action);
    }
    Pending<T> pending = new Pending<>(action);
    queue.add(pending);
    if (closed && queue.remove(pending)) {
      return super.execute(action); // stopped meanwhile, and nobody took it
    }
    return pending.await();
  }

  /** How many transactions wait for the writer. */
  int waiting() {
    return queue.size();
  }

  @Override
  public void destroy() throws InterruptedException {
    closed = true;
    queue.add(stop);
    writer.join(STOP_WAIT.toMillis());
    for (Pending<?> late; (late = queue.poll()) != null; ) {
      if (late != stop) {
        commitTogether(List.of(late));
      }
    }
  }

  private void writeAll() {
    List<Pending<?>> group = new ArrayList<>(MAX_GROUP);
    while (true) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        continue; // only destroy() stops the writer, and it says so through the queue
      }
      queue.drainTo(group, MAX_GROUP - 1);
      boolean stopping = group.remove(stop);
      if (!group.isEmpty()) {
        commitTogether(group);
      }
      group.clear();
      if (stopping) {
        return;
      }
    }
  }

  private void commitTogether(List<Pending<?>> group) {
    groupSizes.record(group.size());
    try {
      super.execute(
          status -> {
            group.forEach(pending -> pending.runUnder(status));
            return null;
          });
    } catch (RuntimeException | Error e) {
      // The group as a whole failed (its commit, or a savepoint): nothing of it was saved.
      group.forEach(pending -> pending.failedWith(e));
    }
    group.forEach(Pending::answer);
  }

  /** Runs {@code action} inside the group's transaction, as a participant. */
  private <T> @Nullable T join(TransactionCallback<T> action) {
    return super.execute(action);
  }

  /** A transaction waiting for its group, and then its caller waiting for the answer. */
  private final class Pending<T> {

    private final TransactionCallback<T> action;
    private final CountDownLatch answered = new CountDownLatch(1);
    private @Nullable T result;
    private @Nullable Throwable failure;

    Pending(TransactionCallback<T> action) {
      this.action = action;
    }

    /** Runs the action under a savepoint of the group's transaction, undone alone if it fails. */
    void runUnder(TransactionStatus group) {
      Object savepoint = group.createSavepoint();
      int before = AfterCommit.registered();
      try {
        result = join(action);
      } catch (RuntimeException | Error e) {
        failure = e;
      }
      if (failure != null || group.isRollbackOnly()) {
        group.rollbackToSavepoint(savepoint); // also clears the rollback-only mark it left
        AfterCommit.discardSince(before);
      }
      group.releaseSavepoint(savepoint);
    }

    void failedWith(Throwable groupFailure) {
      if (failure == null) {
        failure = groupFailure;
      }
    }

    void answer() {
      answered.countDown();
    }

    @Nullable T await() {
      boolean interrupted = false;
      while (true) {
        try {
          answered.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true; // the transaction runs anyway: the caller must learn how it ended
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (failure instanceof RuntimeException e) {
        throw e;
      }
      if (failure instanceof Error e) {
        throw e;
      }
      return result;
    }
  }
}
