package dev.owp.poold.config;

import dev.owp.poold.PooldApplication;
import dev.owp.poold.migrate.MigrateCommand;
import dev.owp.poold.storage.DatabaseLocation;
import dev.owp.protocol.env.EnvFiles;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * poold's command line. Each flag may also come from an {@code OWP_*} environment variable or from
 * {@code env.local} / {@code .env} in the working directory; a flag wins over the environment,
 * which wins over the files.
 */
@Command(
    name = "poold",
    mixinStandardHelpOptions = true,
    subcommands = MigrateCommand.class,
    versionProvider = PooldCommand.Version.class,
    usageHelpAutoWidth = true,
    sortOptions = false,
    description = {
      "The OWP Pool scheduler: leases tasks to workers under review budgets, area locks and "
          + "worker capacity.",
      ""
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  Every flag may also be set as OWP_<FLAG> (OWP_DB, OWP_PORT, OWP_LEASE_TTL, ...),",
      "  in the environment or in env.local / .env in the working directory.",
      "  OWP_ENV_FILE      another env file to read first",
      "  OWP_ADMIN_TOKEN   admin token for /v1/admin/**; without it poold generates",
      "                    one beside an SQLite database (<db>.admin-token, mode 600)",
      "  OWP_DB_USER, OWP_DB_PASSWORD   PostgreSQL credentials, unless in the URL",
      "  OWP_GITHUB_TOKEN  GitHub token (else GITHUB_TOKEN): poold then follows the pull",
      "                    requests of pr_opened tasks and can write comments back",
      "  OWP_GITHUB_REPO_TOKENS   owner/name=TOKEN,...: a repository's own token",
      "  OWP_GITHUB_WEBHOOK_SECRET   secret of POST /v1/github/webhook; without it the",
      "                    webhook refuses every request",
      "",
      "Example:  java -jar poold.jar --db pool.db",
    })
public final class PooldCommand implements Callable<Integer> {

  @Option(
      names = "--db",
      paramLabel = "FILE|URL",
      description = "SQLite database file (created with its folder), or a jdbc:postgresql:// URL.")
  @Nullable String db;

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}); 0.0.0.0 for all.")
  String host = "127.0.0.1";

  @Option(
      names = "--port",
      defaultValue = "8787",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--lease-ttl",
      paramLabel = "SECONDS",
      defaultValue = "1800",
      description =
          "A lease lapses after this long without a heartbeat or status update (default: ${DEFAULT-VALUE}).")
  long leaseTtl;

  @Option(
      names = "--heartbeat-ttl",
      paramLabel = "SECONDS",
      defaultValue = "90",
      description =
          "A worker is online for this long after a heartbeat (default: ${DEFAULT-VALUE}).")
  long heartbeatTtl;

  @Option(
      names = "--cycle",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "Interval of the background cycle: lease expiry, presence, assignment (default: ${DEFAULT-VALUE}).")
  long cycle;

  @Option(
      names = "--db-pool-size",
      paramLabel = "N",
      defaultValue = "10",
      description =
          "PostgreSQL connections per poold (default: ${DEFAULT-VALUE}); SQLite writes through one.")
  int dbPoolSize;

  @Option(
      names = "--github-api-url",
      paramLabel = "URL",
      defaultValue = "https://api.github.com",
      description =
          "GitHub REST API; GitHub Enterprise: https://HOST/api/v3 (default: ${DEFAULT-VALUE}).")
  String githubApiUrl = "https://api.github.com";

  @Option(
      names = "--github-poll",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "How often the pull request of a pr_opened task is checked on GitHub (default: ${DEFAULT-VALUE}).")
  long githubPoll;

  @Option(
      names = "--github-write-back",
      paramLabel = "REPOS",
      description =
          "Comment on the issues of imported tasks in these repositories (owner/name,"
              + " comma-separated, or *): picked up, pull request opened, back in the pool.")
  @Nullable String githubWriteBack;

  @Option(
      names = "--github-import-labels",
      paramLabel = "LABELS",
      description =
          "Labels import-github-issues is run with besides pool:ready (comma-separated): the"
              + " webhook cancels a waiting task whose issue loses one.")
  @Nullable String githubImportLabels;

  @Spec @Nullable CommandSpec spec;

  private final Map<String, String> envFiles;
  private final EnvFiles.Lookup environment;

  private PooldCommand(Map<String, String> envFiles, EnvFiles.Lookup environment) {
    this.envFiles = envFiles;
    this.environment = environment;
  }

  /** Runs poold with {@code args}; returns the exit code (0 once the service is up). */
  public static int execute(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    Map<String, String> files;
    try {
      files = EnvFiles.load(Path.of("").toAbsolutePath(), System.getenv("OWP_ENV_FILE"));
    } catch (UncheckedIOException e) {
      err.println("poold: " + e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    EnvFiles.Lookup environment = EnvFiles.lookup(System.getenv(), files);
    CommandLine.IFactory factory =
        new CommandLine.IFactory() {
          @Override
          public <K> K create(Class<K> type) throws Exception {
            return type == MigrateCommand.class
                ? type.cast(new MigrateCommand(name -> environment.get(name).orElse(null)))
                : CommandLine.defaultFactory().create(type);
          }
        };
    return new CommandLine(new PooldCommand(files, environment), factory)
        .setDefaultValueProvider(argument -> fromEnvironment(argument, environment))
        .setParameterExceptionHandler(
            (e, arguments) -> {
              String command = e.getCommandLine().getCommandSpec().qualifiedName();
              e.getCommandLine()
                  .getErr()
                  .println(command + ": " + e.getMessage() + " (see " + command + " --help)");
              return CommandLine.ExitCode.USAGE;
            })
        .setExecutionExceptionHandler(PooldCommand::failed)
        .execute(args);
  }

  @Override
  public Integer call() {
    CommandLine cli = Objects.requireNonNull(spec).commandLine();
    if (db == null || db.isBlank()) {
      throw new ParameterException(
          cli, "Missing --db: name the SQLite file to use, e.g. --db pool.db (or set OWP_DB)");
    }
    DatabaseLocation location;
    try {
      location = DatabaseLocation.parse(db);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(cli, e.getMessage());
    }
    requireRange(cli, "--port", port, 0, 65_535);
    requireRange(cli, "--lease-ttl", leaseTtl, 1, 365L * 24 * 3600);
    requireRange(cli, "--heartbeat-ttl", heartbeatTtl, 1, 365L * 24 * 3600);
    requireRange(cli, "--cycle", cycle, 1, 3600);
    requireRange(cli, "--db-pool-size", dbPoolSize, 2, 1_000);
    requireRange(cli, "--github-poll", githubPoll, 1, 24 * 3600);
    if (!githubApiUrl.startsWith("http://") && !githubApiUrl.startsWith("https://")) {
      throw new ParameterException(
          cli, "--github-api-url must be an http(s) URL, got '" + githubApiUrl + "'");
    }
    // Only beside an SQLite file can poold keep a generated token: replicas must share theirs.
    if (location instanceof DatabaseLocation.Postgres && !adminTokenConfigured()) {
      throw new ParameterException(
          cli,
          "Set OWP_ADMIN_TOKEN: poold on PostgreSQL needs it, and replicas sharing the"
              + " database must share one admin token");
    }

    SpringApplication app = new SpringApplication(PooldApplication.class);
    app.addInitializers(
        context ->
            context
                .getEnvironment()
                .getPropertySources()
                .addAfter(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(
                        "envFiles", new LinkedHashMap<>(envFiles))));
    app.run(springArguments().toArray(String[]::new));
    return CommandLine.ExitCode.OK;
  }

  /**
   * Spring reports its own start-up failures; other failures (such as a migration's database error)
   * are reported here in one line.
   */
  private static int failed(Exception e, CommandLine command, CommandLine.ParseResult parseResult) {
    if (command.getCommandSpec().userObject() instanceof MigrateCommand) {
      String message = String.valueOf(e.getMessage());
      int newline = message.indexOf('\n');
      command
          .getErr()
          .println("poold migrate: " + (newline < 0 ? message : message.substring(0, newline)));
    }
    return 1;
  }

  private boolean adminTokenConfigured() {
    String token =
        environment
            .get("OWP_ADMIN_TOKEN")
            .orElseGet(() -> System.getProperty("owp.admin-token", ""));
    return !token.isBlank();
  }

  private List<String> springArguments() {
    List<String> args = new ArrayList<>();
    args.add("--owp.db=" + Objects.requireNonNull(db).strip());
    args.add("--server.address=" + host);
    args.add("--server.port=" + port);
    args.add("--owp.lease-ttl=" + leaseTtl);
    args.add("--owp.heartbeat-ttl=" + heartbeatTtl);
    args.add("--owp.cycle=" + cycle);
    args.add("--owp.postgres-pool-size=" + dbPoolSize);
    args.add("--owp.github.api-url=" + githubApiUrl.strip());
    args.add("--owp.github.poll=" + githubPoll);
    if (githubWriteBack != null && !githubWriteBack.isBlank()) {
      args.add("--owp.github.write-back=" + githubWriteBack.strip());
    }
    if (githubImportLabels != null && !githubImportLabels.isBlank()) {
      args.add("--owp.github.import-labels=" + githubImportLabels.strip());
    }
    return args;
  }

  private static void requireRange(CommandLine cli, String flag, long value, long min, long max) {
    if (value < min || value > max) {
      throw new ParameterException(
          cli, flag + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** {@code --lease-ttl} reads {@code OWP_LEASE_TTL}, and so on. */
  private static @Nullable String fromEnvironment(ArgSpec argument, EnvFiles.Lookup environment) {
    if (!(argument instanceof OptionSpec option)
        || option.usageHelp()
        || option.versionHelp()
        || !(option.command().userObject() instanceof PooldCommand)) {
      return null;
    }
    String name =
        "OWP_" + option.longestName().substring(2).replace('-', '_').toUpperCase(Locale.ROOT);
    return environment.get(name).orElse(null);
  }

  /** poold's version, from the jar manifest. */
  public static String version() {
    String version = PooldCommand.class.getPackage().getImplementationVersion();
    return version == null ? "(development build)" : version;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"poold " + version(), "OWP protocol v1 (v0.1 wire compatible)"};
    }
  }
}
