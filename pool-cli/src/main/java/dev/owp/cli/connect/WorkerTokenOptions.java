package dev.owp.cli.connect;

import dev.owp.cli.config.WorkerConfig;
import dev.owp.protocol.client.OwpClient;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Help.Visibility;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --token}: the worker's bearer token, for the commands a worker runs. */
public final class WorkerTokenOptions {

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      showDefaultValue = Visibility.NEVER,
      description = "The worker's token (default: OWP_TOKEN, else the saved config).")
  @Nullable String token;

  /** A client of the chosen server acting as the worker. */
  public OwpClient connect(ServerOptions server) {
    WorkerConfig saved = server.savedConfig();
    return server.client(saved).workerToken(token(server, saved)).build();
  }

  private String token(ServerOptions server, WorkerConfig saved) {
    String chosen = token;
    if (chosen == null || chosen.isBlank()) {
      chosen = server.environment().variable("OWP_TOKEN").orElse(saved.token());
    }
    if (chosen == null || chosen.isBlank()) {
      throw new ParameterException(
          server.command().commandLine(),
          "Missing --token and no saved worker token found in "
              + server.configStore().file()
              + "; run `pool worker register` first");
    }
    return chosen.strip();
  }
}
