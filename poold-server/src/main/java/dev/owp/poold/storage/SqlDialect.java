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
   * The clause that ends a query reading a row of {@code table} in order to claim it: on PostgreSQL
   * it locks the row, and finds nothing when another transaction holds it, so a claim passes over a
   * task another claim is taking instead of queueing behind it. SQLite has a single writer: nothing
   * to lock.
   */
  String lockSkippingLocked(String table);

  /**
   * Whether a statement can take a list as one array parameter ({@code text[]}) and run a
   * sub-select for each of its elements through a lateral join (PostgreSQL); SQLite has neither.
   */
  boolean bindsArrays();

  /**
   * Whether other writers run at the same time. With concurrent writers (PostgreSQL, several
   * replicas) each lease of a claim commits on its own, so that no transaction holds a busy row
   * while it goes on to other work; with a single writer (SQLite) one transaction takes a claim's
   * whole plan, and a status report that frees room claims inside its own transaction.
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
        public boolean bindsArrays() {
          return false;
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
        public boolean bindsArrays() {
          return true;
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
