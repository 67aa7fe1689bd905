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

  /**
   * The clause that ends a query reading rows of {@code table} in order to claim them: on
   * PostgreSQL it locks them and skips rows other transactions hold, so concurrent claims take
   * different tasks instead of queueing for the same one. SQLite has a single writer: nothing to
   * lock.
   */
  String lockSkippingLocked(String table);

  /** SQLite: {@code json_each}; one writer, so no row locks. */
  SqlDialect SQLITE =
      new SqlDialect() {
        @Override
        public String skillsCovered(String required, String skills) {
          return "NOT EXISTS (SELECT 1 FROM json_each("
              + required
              + ") need"
              + " WHERE need.value NOT IN (SELECT have.value FROM json_each(:"
              + skills
              + ") have))";
        }

        @Override
        public String lockSkippingLocked(String table) {
          return "";
        }
      };

  /** PostgreSQL: jsonb containment, and {@code SKIP LOCKED}. */
  SqlDialect POSTGRES =
      new SqlDialect() {
        @Override
        public String skillsCovered(String required, String skills) {
          return "CAST(" + required + " AS jsonb) <@ CAST(:" + skills + " AS jsonb)";
        }

        @Override
        public String lockSkippingLocked(String table) {
          return "FOR UPDATE OF " + table + " SKIP LOCKED";
        }
      };
}
