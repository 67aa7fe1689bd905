package dev.owp.poold.storage;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Times as the database stores them: epoch milliseconds in an integer column. */
public final class EpochMillis {

  private EpochMillis() {}

  /** The column value for {@code instant}. */
  public static long of(Instant instant) {
    return instant.toEpochMilli();
  }

  /** The column value for {@code instant}, or null. */
  public static @Nullable Long ofNullable(@Nullable Instant instant) {
    return instant == null ? null : instant.toEpochMilli();
  }

  /** Reads a non-null time column. */
  public static Instant read(ResultSet rs, String column) throws SQLException {
    return Instant.ofEpochMilli(rs.getLong(column));
  }

  /** Reads a nullable time column. */
  public static @Nullable Instant readNullable(ResultSet rs, String column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }
}
