package dev.owp.poold.storage;

import java.nio.file.Path;

/**
 * Where the pool's data lives, as given to {@code --db}: a file path for SQLite, or a {@code
 * jdbc:postgresql://} URL.
 */
public sealed interface DatabaseLocation {

  /** An SQLite database file. */
  record Sqlite(Path file) implements DatabaseLocation {
    /** Resolves the file against the working directory. */
    public Sqlite {
      file = file.toAbsolutePath().normalize();
    }
  }

  /** A PostgreSQL database. */
  record Postgres(String url) implements DatabaseLocation {}

  /**
   * Parses the {@code --db} value.
   *
   * @throws IllegalArgumentException for empty values and JDBC URLs of other databases
   */
  static DatabaseLocation parse(String db) {
    String value = db.strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "--db must name an SQLite file or a jdbc:postgresql:// URL");
    }
    if (value.startsWith("jdbc:postgresql:")) {
      return new Postgres(value);
    }
    if (value.startsWith("jdbc:sqlite:")) {
      return new Sqlite(Path.of(value.substring("jdbc:sqlite:".length())));
    }
    if (value.startsWith("jdbc:")) {
      throw new IllegalArgumentException(
          "unsupported database URL '"
              + value
              + "': use a file path (SQLite) or jdbc:postgresql://host/db");
    }
    return new Sqlite(Path.of(value));
  }

  /** A short description for logs, without credentials. */
  default String describe() {
    if (this instanceof Sqlite sqlite) {
      return "SQLite " + sqlite.file();
    }
    String url = ((Postgres) this).url();
    int query = url.indexOf('?');
    return "PostgreSQL " + (query < 0 ? url : url.substring(0, query));
  }
}
