package dev.owp.cli.connect;

import dev.owp.protocol.client.OwpAdminClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code --admin-token}, for maintainers' commands. There is no default token (the original
 * silently accepted {@code dev-admin}): without one the command stops before sending anything.
 */
public final class AdminTokenOptions {

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      showDefaultValue = Visibility.NEVER,
      description =
          "The admin token (default: OWP_ADMIN_TOKEN; prefer the variable, a flag shows in ps).")
  @Nullable String adminToken;

  /** An admin client of the chosen server. */
  public OwpAdminClient connect(ServerOptions server) {
    return server.client(server.savedConfig()).adminToken(token(server)).build().admin();
  }

  /**
   * The admin token: {@code --admin-token}, else {@code OWP_ADMIN_TOKEN}; none is a usage error.
   */
  public String token(ServerOptions server) {
    String chosen = adminToken;
    if (chosen == null || chosen.isBlank()) {
      chosen = server.environment().variable("OWP_ADMIN_TOKEN").orElse(null);
    }
    if (chosen == null || chosen.isBlank()) {
      throw new ParameterException(
          server.command().commandLine(),
          "Missing admin token: set OWP_ADMIN_TOKEN or pass --admin-token (poold without "
              + "OWP_ADMIN_TOKEN saves a generated one beside its database, e.g. pool.db.admin-token)");
    }
    return chosen.strip();
  }
}
