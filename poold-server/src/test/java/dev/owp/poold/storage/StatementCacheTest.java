package dev.owp.poold.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatementCacheTest {

  @TempDir Path folder;

  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection =
        new SqliteConnections("jdbc:sqlite:" + folder.resolve("cache.db") + "?journal_mode=WAL")
            .getConnection();
    try (Statement ddl = connection.createStatement()) {
      ddl.executeUpdate("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void aClosedStatementIsReusedForTheSameSql() throws SQLException {
    PreparedStatement first = connection.prepareStatement("INSERT INTO t (name) VALUES (?)");
    PreparedStatement physical = first.unwrap(PreparedStatement.class);
    first.setString(1, "a");
    first.executeUpdate();
    first.close();

    PreparedStatement second = connection.prepareStatement("INSERT INTO t (name) VALUES (?)");
    assertThat(second).isSameAs(first);
    assertThat(second.isClosed()).isFalse();
    second.setString(1, "b");
    second.executeUpdate();
    second.close();

    assertThat(names()).isEqualTo("a,b");
    assertThat(physical.isClosed()).isFalse();
  }

  @Test
  void reuseStartsWithNoParametersBound() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
      insert.setString(1, "kept?");
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
      insert.executeUpdate(); // an unbound parameter is NULL, not the previous value
    }
    assertThat(names()).isEqualTo("kept?,null");
  }

  @Test
  void theSameSqlPreparedWhileOpenGetsItsOwnStatement() throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
      insert.setString(1, "x");
      insert.executeUpdate();
      insert.setString(1, "y");
      insert.executeUpdate();
    }
    String sql = "SELECT name FROM t ORDER BY id";
    try (PreparedStatement outer = connection.prepareStatement(sql);
        ResultSet rows = outer.executeQuery()) {
      assertThat(rows.next()).isTrue();
      try (PreparedStatement inner = connection.prepareStatement(sql);
          ResultSet again = inner.executeQuery()) {
        assertThat(inner).isNotSameAs(outer);
        assertThat(again.next()).isTrue();
        assertThat(again.getString(1)).isEqualTo("x");
      }
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("y");
    }
  }

  @Test
  void closingTheConnectionClosesTheKeptStatements() throws SQLException {
    PreparedStatement kept = connection.prepareStatement("SELECT 1");
    PreparedStatement physical = kept.unwrap(PreparedStatement.class);
    kept.close();

    connection.close();

    assertThat(physical.isClosed()).isTrue();
    assertThatThrownBy(() -> connection.prepareStatement("SELECT 1"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void aReaderSeesWhatWasCommittedAfterItsLastQuery() throws SQLException {
    // A kept statement must not hold its read transaction open between uses, or a reader
    // connection would go on seeing an old snapshot of the database.
    try (Connection reader =
        new SqliteConnections("jdbc:sqlite:" + folder.resolve("cache.db") + "?journal_mode=WAL")
            .getConnection()) {
      assertThat(count(reader)).isZero();
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO t (name) VALUES (?)")) {
        insert.setString(1, "new");
        insert.executeUpdate();
      }
      assertThat(count(reader)).isEqualTo(1);
    }
  }

  private static int count(Connection connection) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM t");
        ResultSet rows = query.executeQuery()) {
      rows.next();
      return rows.getInt(1);
    }
  }

  private String names() throws SQLException {
    StringBuilder names = new StringBuilder();
    try (PreparedStatement query = connection.prepareStatement("SELECT name FROM t ORDER BY id");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        names.append(names.isEmpty() ? "" : ",").append(rows.getString(1));
      }
    }
    return names.toString();
  }
}
