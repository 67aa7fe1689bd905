package dev.owp.poold.storage;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs something only once what it describes is committed: at once outside a transaction, else
 * after the current transaction commits, and never if it rolls back.
 */
public final class AfterCommit {

  private AfterCommit() {}

  /** Runs {@code action} now, or after the current transaction commits. */
  public static void run(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }
}
