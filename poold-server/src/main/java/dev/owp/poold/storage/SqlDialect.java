package dev.owp.poold.storage;

/**
 * The few SQL fragments that differ between SQLite and PostgreSQL. Everything else (schema aside,
 * which has one migration folder per dialect) is written once.
 */
public interface SqlDialect {

  /**
   * A condition that holds when every skill in the JSON array column {@code requiredColumn} is in
   * the JSON array bound to the named parameter {@code skillsParameter}.
   */
  String skillsCovered(String requiredColumn, String skillsParameter);

  /** SQLite: {@code json_each}. */
  SqlDialect SQLITE =
      (required, skills) ->
          "NOT EXISTS (SELECT 1 FROM json_each("
              + required
              + ") need"
              + " WHERE need.value NOT IN (SELECT have.value FROM json_each(:"
              + skills
              + ") have))";

  /** PostgreSQL: jsonb containment. */
  SqlDialect POSTGRES =
      (required, skills) -> "CAST(" + required + " AS jsonb) <@ CAST(:" + skills + " AS jsonb)";
}
