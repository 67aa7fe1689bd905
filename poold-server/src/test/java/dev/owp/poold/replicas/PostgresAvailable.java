package dev.owp.poold.replicas;

import dev.owp.poold.support.PostgresDatabase;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs a test only where a PostgreSQL is available, or fails it where one is required (CI). */
final class PostgresAvailable implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (PostgresDatabase.find().isPresent() || PostgresDatabase.required()) {
      return ConditionEvaluationResult.enabled("PostgreSQL available or required");
    }
    return ConditionEvaluationResult.disabled(
        "no PostgreSQL: set OWP_TEST_POSTGRES_URL or run Docker");
  }
}
