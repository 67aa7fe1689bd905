package dev.owp.poold.storage;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something only once what it describes is committed: at once outside a transaction, else
 * after the current transaction commits, and never if it rolls back (nor if the savepoint it was
 * registered under is rolled back, when {@link #discardSince} is told so).
 *
 * <p>A transaction's actions share one synchronization. Spring copies and sorts the list of
 * synchronizations at every savepoint, and one of SQLite's grouped transactions takes a savepoint
 * per caller and per claim: with a synchronization per action that sort grew with the group, and
 * took a share of the writer's time a profile could see.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /** Runs {@code action} now, or after the current transaction commits. */
  public static void run(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    @Nullable Actions actions = current();
    if (actions == null) {
      actions = new Actions();
      TransactionSynchronizationManager.bindResource(Actions.class, actions);
      TransactionSynchronizationManager.registerSynchronization(actions);
    }
    actions.pending.add(action);
  }

  /** How many actions the current transaction has registered so far, for {@link #discardSince}. */
  static int registered() {
    @Nullable Actions actions = current();
    return actions == null ? 0 : actions.pending.size();
  }

  /**
   * Forgets the actions registered since {@link #registered} answered {@code before}: the work that
   * registered them was rolled back to a savepoint, so what they describe will never be committed.
   */
  static void discardSince(int before) {
    @Nullable Actions actions = current();
    if (actions != null && actions.pending.size() > before) {
      actions.pending.subList(before, actions.pending.size()).clear();
    }
  }

  private static @Nullable Actions current() {
    return TransactionSynchronizationManager.isSynchronizationActive()
        ? (Actions) TransactionSynchronizationManager.getResource(Actions.class)
        : null;
  }

  /**
   * The actions of one transaction, bound to it while it runs. A transaction started apart from it
   * (propagation REQUIRES_NEW) suspends it, so that one gets actions of its own.
   */
  private static final class Actions implements TransactionSynchronization {
    private final List<Runnable> pending = new ArrayList<>();

    @Override
    public void suspend() {
      TransactionSynchronizationManager.unbindResource(Actions.class);
    }

    @Override
    public void resume() {
      TransactionSynchronizationManager.bindResource(Actions.class, this);
    }

    @Override
    public void afterCommit() {
      pending.forEach(Runnable::run);
    }

    @Override
    public void afterCompletion(int status) {
      TransactionSynchronizationManager.unbindResourceIfPossible(Actions.class);
    }
  }
}
