package dev.owp.poold.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies every row of a pool from one database to another of the same schema version, keeping
 * identifiers, sequence numbers, token hashes and timestamps, so workers' tokens stay valid and the
 * scheduling order is unchanged.
 */
final class PoolCopy {

  /**
   * A table, in foreign-key order: the columns that order it (the first is the identity, if it has
   * one), and what one row and several rows are called.
   */
  record Table(String name, String orderedBy, boolean identity, String row, String rows) {}

  static final List<Table> TABLES =
      List.of(
          new Table("repo", "repo", false, "repository", "repositories"),
          new Table("worker", "seq", true, "worker", "workers"),
          new Table("skill_set", "id", true, "skill set", "skill sets"),
          new Table("task", "seq", true, "task", "tasks"),
          new Table("area_lock", "task_id", false, "area lock", "area locks"),
          new Table("event", "id", true, "event", "events"),
          new Table(
              "github_pr_watch",
              "task_id",
              false,
              "followed pull request",
              "followed pull requests"),
          new Table(
              "github_comment", "task_id, event_id", false, "GitHub comment", "GitHub comments"),
          new Table("github_cursor", "name", false, "GitHub cursor", "GitHub cursors"));

  private static final int BATCH = 500;

  private PoolCopy() {}

  /** "3 tasks", "1 repository": what {@code count} rows of {@code table} are called. */
  static String label(String table, long count) {
    Table named = TABLES.stream().filter(t -> t.name().equals(table)).findFirst().orElseThrow();
    return count == 1 ? named.row() : named.rows();
  }

  /** Row counts of every table, in {@link #TABLES} order. */
  static Map<String, Long> count(Connection db) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement statement = db.createStatement()) {
      for (Table table : TABLES) {
        try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table.name())) {
          rs.next();
          counts.put(table.name(), rs.getLong(1));
        }
      }
    }
    return counts;
  }

  /**
   * Copies every table from {@code source} into the empty PostgreSQL {@code target} in one
   * transaction, then moves the target's identity sequences past the copied values.
   */
  static Map<String, Long> copy(Connection source, Connection target) throws SQLException {
    target.setAutoCommit(false);
    try {
      Map<String, Long> copied = new LinkedHashMap<>();
      for (Table table : TABLES) {
        copied.put(table.name(), copyTable(table, source, target));
      }
      for (Table table : TABLES) {
        if (table.identity()) {
          restartIdentity(table, target);
        }
      }
      target.commit();
      return copied;
    } catch (SQLException | RuntimeException e) {
      target.rollback();
      throw e;
    }
  }

  private static long copyTable(Table table, Connection source, Connection target)
      throws SQLException {
    long rows = 0;
    try (Statement select = source.createStatement();
        ResultSet rs =
            select.executeQuery(
                "SELECT * FROM " + table.name() + " ORDER BY " + table.orderedBy())) {
      List<String> columns = columns(rs.getMetaData());
      String insert =
          "INSERT INTO "
              + table.name()
              + " ("
              + String.join(", ", columns)
              + ")"
              + (table.identity() ? " OVERRIDING SYSTEM VALUE" : "")
              + " VALUES ("
              + String.join(", ", Collections.nCopies(columns.size(), "?"))
              + ")";
      try (PreparedStatement statement = target.prepareStatement(insert)) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            statement.setObject(i, rs.getObject(i));
          }
          statement.addBatch();
          if (++rows % BATCH == 0) {
            statement.executeBatch();
          }
        }
        statement.executeBatch();
      }
    }
    return rows;
  }

  private static List<String> columns(ResultSetMetaData metaData) throws SQLException {
    List<String> columns = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      columns.add(metaData.getColumnName(i));
    }
    return columns;
  }

  private static void restartIdentity(Table table, Connection target) throws SQLException {
    String column = table.orderedBy();
    try (Statement statement = target.createStatement()) {
      statement.execute(
          "SELECT setval(pg_get_serial_sequence('"
              + table.name()
              + "', '"
              + column
              + "'),"
              + " COALESCE((SELECT MAX("
              + column
              + ") FROM "
              + table.name()
              + "), 0) + 1, false)");
    }
  }
}
