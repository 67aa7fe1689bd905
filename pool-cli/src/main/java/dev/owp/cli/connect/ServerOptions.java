package dev.owp.cli.connect;

import dev.owp.cli.common.CliContext;
import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.config.ConfigStore;
import dev.owp.cli.config.WorkerConfig;
import dev.owp.protocol.client.OwpClient;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --server}, for every command that talks to poold. */
public final class ServerOptions {

  /** Where poold listens unless told otherwise. */
  public static final String DEFAULT_SERVER = "http://127.0.0.1:8787";

  @Spec(Spec.Target.MIXEE)
  @Nullable CommandSpec mixee;

  @Option(
      names = "--server",
      paramLabel = "URL",
      description =
          "poold's base URL (default: OWP_SERVER, else the saved config, else "
              + DEFAULT_SERVER
              + ").")
  @Nullable String server;

  /** The command this mixin belongs to. */
  CommandSpec command() {
    if (mixee == null) {
      throw new IllegalStateException("ServerOptions used outside a command");
    }
    return mixee;
  }

  /** The environment of this invocation. */
  public CliEnvironment environment() {
    return CliContext.of(command()).environment();
  }

  /** The configuration file chosen by {@code --config}, {@code OWP_CONFIG} or the default. */
  public ConfigStore configStore() {
    CliContext context = CliContext.of(command());
    return ConfigStore.locate(context.configOption(), context.environment());
  }

  /** The saved worker configuration (empty when none). */
  public WorkerConfig savedConfig() {
    return configStore().load();
  }

  /** The server: {@code --server}, {@code OWP_SERVER}, the saved config, or the default. */
  public URI server() {
    return server(savedConfig());
  }

  /** The server, with {@code saved} as the configuration to fall back on. */
  public URI server(WorkerConfig saved) {
    String chosen = server;
    if (chosen == null || chosen.isBlank()) {
      chosen = environment().variable("OWP_SERVER").orElse(saved.server());
    }
    if (chosen == null || chosen.isBlank()) {
      chosen = DEFAULT_SERVER;
    }
    return validated(chosen);
  }

  /** A client builder for the chosen server, without tokens. */
  public OwpClient.Builder client(WorkerConfig saved) {
    return OwpClient.builder(server(saved));
  }

  private URI validated(String url) {
    String text = url.strip();
    try {
      OwpClient.builder(URI.create(text));
      return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(
          command().commandLine(),
          "--server must be an http(s) URL such as " + DEFAULT_SERVER + ", got '" + url + "'");
    }
  }
}
