package dev.owp.poold.support;

import java.util.Locale;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database the integration tests run on: SQLite by default, PostgreSQL when the build sets
 * the system property {@code owp.test.database=postgresql} (the {@code postgresql} Surefire
 * execution does). Without a PostgreSQL to use, those tests are skipped, unless it is required.
 */
public enum TestDatabase {
  /** A temporary SQLite file. */
  SQLITE,
  /** A fresh schema on the test PostgreSQL. */
  POSTGRESQL;

  /** The database of this test run. */
  public static TestDatabase current() {
    return valueOf(System.getProperty("owp.test.database", "sqlite").toUpperCase(Locale.ROOT));
  }

  /** Skips PostgreSQL runs when no PostgreSQL is available and none is required. */
  public static final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (current() == SQLITE || PostgresDatabase.find().isPresent()) {
        return ConditionEvaluationResult.enabled("database " + current() + " available");
      }
      if (PostgresDatabase.required()) {
        return ConditionEvaluationResult.enabled(
            "PostgreSQL required: the tests will fail without it");
      }
      return ConditionEvaluationResult.disabled(
          "no PostgreSQL: set OWP_TEST_POSTGRES_URL or run Docker to test on PostgreSQL too");
    }
  }

  /**
   * For tests that are about PostgreSQL itself (such as moving a pool onto it): they run once, in
   * the PostgreSQL pass, under the same rules as {@link Condition}.
   */
  public static final class OnlyPostgresql implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (current() == SQLITE) {
        return ConditionEvaluationResult.disabled("runs in the PostgreSQL pass only");
      }
      return new Condition().evaluateExecutionCondition(context);
    }
  }

  /**
   * For tests that are about SQLite itself (its pragmas, its one writer): they run in the SQLite
   * pass.
   */
  public static final class OnlySqlite implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return current() == SQLITE
          ? ConditionEvaluationResult.enabled("database SQLITE")
          : ConditionEvaluationResult.disabled("runs in the SQLite pass only");
    }
  }
}
