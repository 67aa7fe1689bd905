package dev.owp.cli.bench;

import dev.owp.cli.common.CliContext;
import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.budget.ReviewBudget;
import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.client.OwpProblemException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pool bench}: load-tests a poold with simulated workers and reports what it carried. */
@Command(
    name = "bench",
    description = {
      "Load-tests a poold with simulated workers and reports what it carried.",
      "",
      "It seeds tasks through the admin API, registers simulated workers that "
          + "run every task through poll -> lease -> in_progress -> pr_opened -> merged with "
          + "heartbeats, and reports tasks/s, requests/s, latency per endpoint (with poold's own "
          + "figures), errors, and whether every task completed exactly once.",
      "",
      "The run adds repositories and tasks named bench-<run id> that only its own workers can "
          + "take. At the end its workers are removed, its unfinished tasks cancelled and its "
          + "repositories' budgets set to 0."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every task merged exactly once",
      "1:a task was lost, merged twice or not finished in time, or the server refused the run",
      "2:usage error",
      "3:the server could not be reached"
    })
public final class BenchCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions adminToken = new AdminTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Option(
      names = "--workers",
      paramLabel = "N",
      defaultValue = "200",
      description = "Simulated workers (default: ${DEFAULT-VALUE}).")
  int workers;

  @Option(
      names = "--tasks",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Tasks to seed (default: ${DEFAULT-VALUE}).")
  int tasks;

  @Option(
      names = "--repos",
      paramLabel = "N",
      defaultValue = "10",
      description = "Repositories to spread them over (default: ${DEFAULT-VALUE}).")
  int repos;

  @Option(
      names = "--duration",
      paramLabel = "DURATION",
      defaultValue = "60s",
      converter = Seconds.class,
      description =
          "Longest measured run, after any warm-up; it ends sooner when every task is merged (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(
      names = "--warm-up",
      paramLabel = "DURATION",
      defaultValue = "0",
      converter = Seconds.class,
      description =
          "Run the workers this long before measuring, e.g. 10s: the start of a thousand workers at once and poold's JIT warm-up stay out of the rates, latencies and server figures; the exactly-once check still covers it (default: ${DEFAULT-VALUE}).")
  Duration warmUp;

  @Option(
      names = "--poll-every",
      paramLabel = "DURATION",
      defaultValue = "0",
      converter = Seconds.class,
      description =
          "How often a worker with nothing to do polls, e.g. 1s (default: ${DEFAULT-VALUE}: only after a heartbeat that leased it more, as its heartbeats are what lease work).")
  Duration pollEvery;

  @Option(
      names = "--heartbeat-every",
      paramLabel = "DURATION",
      defaultValue = "10s",
      converter = Seconds.class,
      description = "Heartbeat interval of each worker (default: ${DEFAULT-VALUE}).")
  Duration heartbeatEvery;

  @Option(
      names = "--budget",
      paramLabel = "N",
      defaultValue = "100",
      description = "Each repository's max_open_prs, 1..100 (default: ${DEFAULT-VALUE}).")
  int budget;

  @Option(names = "--area-locks", description = "Give tasks areas and lock them.")
  boolean areaLocks;

  @Option(
      names = "--areas",
      paramLabel = "N",
      defaultValue = "50",
      description = "Areas per repository with --area-locks (default: ${DEFAULT-VALUE}).")
  int areas;

  @Option(
      names = "--also",
      paramLabel = "URL",
      split = ",",
      description =
          "More poold replicas of the same pool; the workers are spread over --server and these, "
              + "as behind a load balancer. A poold reached by two of the URLs counts once in the "
              + "server-side figures.")
  List<String> also = new ArrayList<>();

  @Option(
      names = "--max-concurrent",
      paramLabel = "N",
      defaultValue = "2",
      description = "Tasks each worker holds at once (default: ${DEFAULT-VALUE}).")
  int maxConcurrent;

  @Override
  public Integer call() throws InterruptedException {
    CommandSpec command = Objects.requireNonNull(spec);
    BenchSettings settings = settings(command);
    List<URI> replicas = replicas(command);
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    // Every replica is asked first, so that a wrong token or an unreachable replica stops the run
    // before it creates anything.
    String token = adminToken.token(server);
    for (URI replica : replicas) {
      try (OwpClient client = OwpClient.builder(replica).adminToken(token).build()) {
        client.admin().state();
      } catch (OwpProblemException e) {
        if (e.status() == 401) {
          err.println(
              "pool bench: the admin token was refused by "
                  + replica
                  + " (HTTP 401): set OWP_ADMIN_TOKEN or --admin-token to poold's admin token");
          return ExitCodes.REJECTED;
        }
        throw e;
      }
    }
    // The first replica is --server; its client takes the token already resolved above.
    OwpAdminClient admin = OwpClient.builder(replicas.get(0)).adminToken(token).build().admin();
    err.printf(
        "pool bench: %d workers, %d tasks in %d repos on %s (budget %d per repo, area locks %s)%n",
        settings.workers(),
        settings.tasks(),
        settings.repos(),
        server.server(),
        settings.budget(),
        settings.areaLocks() ? "on" : "off");
    // The client's own thread finishes each exchange (the answers are small and read without
    // blocking) instead of handing it to a pool thread that hands it back to the worker: one thread
    // switch less per request, on the two cores the load generator shares with the poold it
    // measures. That cut the generator's CPU by a fifth and raised the measured tasks/s by a tenth.
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Runnable::run)
            .build();
    boolean terminal = CliContext.of(command).environment().terminal();
    BenchReport report =
        new BenchRun(replicas, admin, http, settings, new Progress(err, terminal)).run();
    if (output.json()) {
      OutputOptions.printJson(out, report);
    } else {
      new BenchReportPrinter(out).print(report);
    }
    out.flush();
    return report.exactlyOnce() ? ExitCodes.OK : ExitCodes.REJECTED;
  }

  private BenchSettings settings(CommandSpec command) {
    require(command, "--workers", workers, 1, 20_000);
    require(command, "--tasks", tasks, 1, 1_000_000);
    require(command, "--repos", repos, 1, 1_000);
    require(command, "--budget", budget, 1, ReviewBudget.MAX_MAX_OPEN_PRS);
    require(command, "--areas", areas, 1, 10_000);
    require(command, "--max-concurrent", maxConcurrent, 1, 20);
    if (duration.isZero() || heartbeatEvery.isZero()) {
      throw new ParameterException(
          command.commandLine(), "--duration and --heartbeat-every must be longer than 0");
    }
    return new BenchSettings(
        workers,
        tasks,
        repos,
        warmUp,
        duration,
        pollEvery,
        heartbeatEvery,
        budget,
        areaLocks,
        areas,
        maxConcurrent);
  }

  private List<URI> replicas(CommandSpec command) {
    List<URI> replicas = new ArrayList<>();
    replicas.add(server.server());
    for (String url : also) {
      try {
        URI replica = URI.create(url.strip().replaceAll("/+$", ""));
        if (!"http".equals(replica.getScheme()) && !"https".equals(replica.getScheme())) {
          throw new IllegalArgumentException("not http(s)");
        }
        replicas.add(replica);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            command.commandLine(), "--also must list http(s) URLs, got '" + url + "'");
      }
    }
    return replicas;
  }

  private static void require(CommandSpec command, String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new ParameterException(
          command.commandLine(),
          option + " must be between " + min + " and " + max + ", got " + value);
    }
  }
}
