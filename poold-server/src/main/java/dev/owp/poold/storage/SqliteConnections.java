package dev.owp.poold.storage;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.sqlite.JDBC;

/**
 * Opens SQLite connections for a pool, each with its own {@link StatementCache}. The pragmas are
 * part of the URL, so every connection gets them.
 */
final class SqliteConnections implements DataSource {

  /** Distinct statements kept per connection: poold runs a few dozen, the dashboard some more. */
  static final int STATEMENTS_PER_CONNECTION = 256;

  private final String url;

  SqliteConnections(String url) {
    this.url = url;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return StatementCache.wrap(
        JDBC.createConnection(url, new Properties()), STATEMENTS_PER_CONNECTION);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return getConnection();
  }

  @Override
  public PrintWriter getLogWriter() {
    return null;
  }

  @Override
  public void setLogWriter(PrintWriter out) {}

  @Override
  public void setLoginTimeout(int seconds) {}

  @Override
  public int getLoginTimeout() {
    return 0;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException();
  }

  @Override
  public <T> T unwrap(Class<T> type) throws SQLException {
    if (type.isInstance(this)) {
      return type.cast(this);
    }
    throw new SQLException("not a wrapper for " + type);
  }

  @Override
  public boolean isWrapperFor(Class<?> type) {
    return type.isInstance(this);
  }
}
