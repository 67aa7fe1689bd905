package dev.owp.poold.storage;

import java.util.Optional;

/**
 * The few SQL fragments that differ between SQLite and PostgreSQL. Everything else (schema aside,
 * which has one migration folder per dialect) is written once.
 */
public interface SqlDialect {

  /**
   * A condition that holds when the integer column {@code idColumn} is one of the ids in the text
   * bound to the named parameter {@code idsParameter}, written {@code ",3,7,"}: one parameter for
   * any number of ids, so the statement text never changes.
   */
  String idListed(String idColumn, String idsParameter);

  /**
   * The clause that ends a query reading rows of {@code table} in order to claim them: on
   * PostgreSQL it locks them and skips rows other transactions hold, so concurrent claims take
   * different tasks instead of queueing for the same one. SQLite has a single writer: nothing to
   * lock.
   */
  String lockSkippingLocked(String table);

  /**
   * Whether other writers run at the same time. With concurrent writers (PostgreSQL, several
   * replicas) a claim reads the queue again inside its transaction, locking what it may take; with
   * a single writer (SQLite) the plan made on a reader is taken as it is, and the conditional
   * updates of each lease catch what changed since, so the one writer is held only for the updates.
   */
  boolean hasConcurrentWriters();

  /**
   * The statement that refreshes the planner's statistics of {@code table}, where the database
   * plans from statistics it keeps (PostgreSQL); empty for SQLite, which has none unless told to.
   */
  Optional<String> analyze(String table);

  /** SQLite: one writer, so no row locks. */
  SqlDialect SQLITE =
      new SqlDialect() {
        @Override
        public String idListed(String idColumn, String idsParameter) {
          return "instr(:" + idsParameter + ", ',' || " + idColumn + " || ',') > 0";
        }

        @Override
        public String lockSkippingLocked(String table) {
          return "";
        }

        @Override
        public boolean hasConcurrentWriters() {
          return false;
        }

        @Override
        public Optional<String> analyze(String table) {
          return Optional.empty();
        }
      };

  /** PostgreSQL: {@code SKIP LOCKED}. */
  SqlDialect POSTGRES =
      new SqlDialect() {
        @Override
        public String idListed(String idColumn, String idsParameter) {
          return "strpos(:" + idsParameter + ", ',' || " + idColumn + " || ',') > 0";
        }

        @Override
        public String lockSkippingLocked(String table) {
          return "FOR UPDATE OF " + table + " SKIP LOCKED";
        }

        @Override
        public boolean hasConcurrentWriters() {
          return true;
        }

        @Override
        public Optional<String> analyze(String table) {
          return Optional.of("ANALYZE " + table);
        }
      };
}
