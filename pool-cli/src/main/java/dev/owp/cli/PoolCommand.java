package dev.owp.cli;

import dev.owp.cli.admin.AdminCommand;
import dev.owp.cli.bench.BenchCommand;
import dev.owp.cli.common.CliContext;
import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.ManifestVersionProvider;
import dev.owp.cli.worker.WorkerCommand;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code pool}: the root command. It only groups the subcommands and holds global options. */
@Command(
    name = "pool",
    scope = ScopeType.INHERIT,
    mixinStandardHelpOptions = true,
    versionProvider = ManifestVersionProvider.class,
    usageHelpAutoWidth = true,
    description = "OWP Pool CLI (worker + admin).",
    subcommands = {
      WorkerCommand.class,
      AdminCommand.class,
      BenchCommand.class,
      CompletionCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      ExitCodes.OK + ":ok",
      ExitCodes.REJECTED + ":the server rejected the request (or the command failed)",
      ExitCodes.USAGE + ":usage error: bad options, file or configuration; nothing was sent",
      ExitCodes.SERVER_UNREACHABLE + ":the server could not be reached"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  OWP_SERVER       poold's URL (else saved config, else http://127.0.0.1:8787)",
      "  OWP_TOKEN        the worker's token (else the saved config)",
      "  OWP_ADMIN_TOKEN  the admin token, for pool admin",
      "  OWP_CONFIG       the worker config file (else ~/.config/owp-pool/config.json,",
      "                   under $XDG_CONFIG_HOME when set)",
      "  OWP_ENV_FILE     an env file read before env.local and .env"
    })
public final class PoolCommand implements CliContext {

  private final CliEnvironment environment;

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Show the stack trace of errors.")
  boolean verbose;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      scope = ScopeType.INHERIT,
      description =
          "The worker config file (default: OWP_CONFIG, else ~/.config/owp-pool/config.json).")
  @Nullable Path config;

  PoolCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public CliEnvironment environment() {
    return environment;
  }

  @Override
  public @Nullable Path configOption() {
    return config;
  }

  @Override
  public boolean verbose() {
    return verbose;
  }
}
