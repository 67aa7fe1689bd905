package dev.owp.poold.auth;

import dev.owp.poold.storage.DatabaseLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the admin token comes from. There is no built-in default: it is {@code OWP_ADMIN_TOKEN}
 * when set; otherwise, on SQLite, a token generated at first start and kept beside the database in
 * {@code <db>.admin-token}, readable only by its owner. Replicas on PostgreSQL must share one
 * token, so there {@code OWP_ADMIN_TOKEN} is required.
 */
@Configuration(proxyBeanMethods = false)
class AdminTokenConfiguration {

  private static final Logger log = LoggerFactory.getLogger(AdminTokenConfiguration.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  @Bean
  AdminToken adminToken(Environment env, DatabaseLocation location) {
    String configured = env.getProperty("owp.admin-token");
    if (configured != null && !configured.isBlank()) {
      if (configured.strip().length() < 16) {
        log.warn(
            "OWP_ADMIN_TOKEN is shorter than 16 characters: anyone who guesses it controls the pool");
      }
      return AdminToken.of(configured.strip());
    }
    if (!(location instanceof DatabaseLocation.Sqlite sqlite)) {
      throw new IllegalStateException(
          "Set OWP_ADMIN_TOKEN: poold replicas sharing a PostgreSQL database must share one admin token");
    }
    Path file = sqlite.file().resolveSibling(sqlite.file().getFileName() + ".admin-token");
    return AdminToken.of(Files.exists(file) ? read(file) : generate(file));
  }

  private static String read(Path file) {
    try {
      String token = Files.readString(file, StandardCharsets.UTF_8).strip();
      if (token.isEmpty()) {
        throw new IllegalStateException(
            file + " is empty: delete it to generate a new admin token");
      }
      return token;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the admin token from " + file, e);
    }
  }

  private static String generate(Path file) {
    String token = Tokens.generate();
    try {
      Files.createDirectories(file.getParent());
      if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the admin token to " + file, e);
    }
    log.warn(
        "No OWP_ADMIN_TOKEN was set, so poold generated an admin token and saved it in {} "
            + "(readable only by you). Send it as the X-Admin-Token header; the pool CLI reads it "
            + "from OWP_ADMIN_TOKEN, e.g. export OWP_ADMIN_TOKEN=$(cat {})",
        file,
        file);
    return token;
  }
}
