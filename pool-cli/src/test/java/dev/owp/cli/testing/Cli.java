package dev.owp.cli.testing;

import dev.owp.cli.PoolCli;
import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code pool} in-process, with an environment of the test's making (a temporary home, the
 * test poold, its admin token) and output captured. Nothing of the real user's configuration is
 * read.
 */
public final class Cli {

  private final Map<String, String> variables = new LinkedHashMap<>();
  private final Path home;

  private Cli(Path home) {
    this.home = home;
    variables.put("HOME", home.toString());
    variables.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    variables.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
  }

  /** A CLI whose home is {@code home}, talking to {@code server} with its admin token. */
  public static Cli against(PooldServer server, Path home) {
    return new Cli(home)
        .set("OWP_SERVER", server.url().toString())
        .set("OWP_ADMIN_TOKEN", PooldServer.ADMIN_TOKEN);
  }

  /** A CLI with no server and no tokens configured. */
  public static Cli bare(Path home) {
    return new Cli(home);
  }

  /** Sets an environment variable. */
  public Cli set(String name, String value) {
    variables.put(name, value);
    return this;
  }

  /** Removes an environment variable. */
  public Cli unset(String name) {
    variables.remove(name);
    return this;
  }

  /** The home directory (also the working directory). */
  public Path home() {
    return home;
  }

  /** Runs {@code args} to the end. */
  public Result run(String... args) {
    return start(new StopSignal(), args).result(Duration.ofSeconds(60));
  }

  /** Starts {@code args} on another thread; {@code stop} plays the operator's Ctrl-C. */
  public Running start(StopSignal stop, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliEnvironment environment = new CliEnvironment(variables, Map.of(), home, false, stop);
    CompletableFuture<Integer> exit =
        CompletableFuture.supplyAsync(
            () ->
                PoolCli.run(
                    new PrintWriter(out, true), new PrintWriter(err, true), environment, args),
            runnable -> new Thread(runnable, "pool " + String.join(" ", args)).start());
    return new Running(exit, out, err);
  }

  /** What a finished command did. */
  public record Result(int exitCode, String out, String err) {

    /** This result, after checking its exit code; a mismatch shows the output. */
    public Result assertExit(int expected) {
      if (exitCode != expected) {
        throw new AssertionError(
            "expected exit code "
                + expected
                + " but was "
                + exitCode
                + "\nout:\n"
                + out
                + "\nerr:\n"
                + err);
      }
      return this;
    }
  }

  /** A command still running, whose output can be read as it comes. */
  public record Running(CompletableFuture<Integer> exit, StringWriter out, StringWriter err) {

    /** The output so far. */
    public String output() {
      return out.toString();
    }

    /** The error output so far. */
    public String errors() {
      return err.toString();
    }

    /** Waits for the command to end. */
    public Result result(Duration timeout) {
      try {
        int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Result(code, out.toString(), err.toString());
      } catch (Exception e) {
        throw new AssertionError(
            "command did not finish in " + timeout + "\nout:\n" + out + "\nerr:\n" + err, e);
      }
    }
  }
}
