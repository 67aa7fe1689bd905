package dev.owp.poold.storage;

import java.util.List;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something only once what it describes is committed: at once outside a transaction, else
 * after the current transaction commits, and never if it rolls back (nor if the savepoint it was
 * registered under is rolled back, when {@link #discardSince} is told so).
 */
public final class AfterCommit {

  private AfterCommit() {}

  /** Runs {@code action} now, or after the current transaction commits. */
  public static void run(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(new Action(action));
  }

  /**
   * What is registered to run when the current transaction completes, for {@link #discardSince}.
   */
  static List<TransactionSynchronization> registered() {
    return TransactionSynchronizationManager.getSynchronizations();
  }

  /**
   * Forgets the actions registered since {@code before} was taken: the work that registered them
   * was rolled back to a savepoint, so what they describe will never be committed. Other
   * synchronizations (a connection bound to the transaction, say) stay, so they still clean up.
   */
  static void discardSince(List<TransactionSynchronization> before) {
    List<TransactionSynchronization> now = registered();
    if (now.size() == before.size()) {
      return;
    }
    TransactionSynchronizationManager.clearSynchronization();
    TransactionSynchronizationManager.initSynchronization();
    for (TransactionSynchronization synchronization : now) {
      if (!(synchronization instanceof Action) || before.contains(synchronization)) {
        TransactionSynchronizationManager.registerSynchronization(synchronization);
      }
    }
  }

  /** An action to run after commit; compared by identity, since the same action may run twice. */
  private static final class Action implements TransactionSynchronization {
    private final Runnable action;

    Action(Runnable action) {
      this.action = action;
    }

    @Override
    public void afterCommit() {
      action.run();
    }
  }
}
