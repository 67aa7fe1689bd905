package dev.owp.poold.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

class AfterCommitTest {

  @TempDir Path folder;

  private final List<String> ran = new ArrayList<>();
  private TransactionTemplate transactions;
  private TransactionTemplate separately;

  @BeforeEach
  void open() {
    DataSourceTransactionManager manager =
        new DataSourceTransactionManager(
            new SqliteConnections("jdbc:sqlite:" + folder.resolve("after.db")));
    transactions = new TransactionTemplate(manager);
    separately = new TransactionTemplate(manager);
    separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  @Test
  void outsideATransactionAnActionRunsAtOnce() {
    AfterCommit.run(() -> ran.add("now"));

    assertThat(ran).containsExactly("now");
  }

  @Test
  void actionsRunAfterTheCommitInTheOrderTheyWereRegistered() {
    transactions.executeWithoutResult(
        status -> {
          AfterCommit.run(() -> ran.add("first"));
          AfterCommit.run(() -> ran.add("second"));
          assertThat(ran).isEmpty();
        });

    assertThat(ran).containsExactly("first", "second");
  }

  @Test
  void aRolledBackTransactionRunsNothingAndLeavesNothingForTheNext() {
    assertThatThrownBy(
            () ->
                transactions.executeWithoutResult(
                    status -> {
                      AfterCommit.run(() -> ran.add("undone"));
                      throw new IllegalStateException("fails");
                    }))
        .isInstanceOf(IllegalStateException.class);
    transactions.executeWithoutResult(status -> AfterCommit.run(() -> ran.add("next")));

    assertThat(ran).containsExactly("next");
  }

  @Test
  void aTransactionStartedApartRunsItsActionsWhenItCommits() {
    transactions.executeWithoutResult(
        status -> {
          AfterCommit.run(() -> ran.add("outer"));
          separately.executeWithoutResult(inner -> AfterCommit.run(() -> ran.add("inner")));
          assertThat(ran).containsExactly("inner");
          AfterCommit.run(() -> ran.add("outer again"));
        });

    assertThat(ran).containsExactly("inner", "outer", "outer again");
  }

  @Test
  void discardingForgetsOnlyWhatWasRegisteredSinceTheMark() {
    transactions.executeWithoutResult(
        status -> {
          AfterCommit.run(() -> ran.add("kept"));
          int mark = AfterCommit.registered();
          AfterCommit.run(() -> ran.add("undone"));
          AfterCommit.discardSince(mark);
          AfterCommit.run(() -> ran.add("kept too"));
        });

    assertThat(ran).containsExactly("kept", "kept too");
  }
}
