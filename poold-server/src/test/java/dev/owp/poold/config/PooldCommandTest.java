package dev.owp.poold.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * poold's command line: usage errors are one clear line on stderr and exit code 2; help and version
 * exit 0. None of these cases starts a server.
 */
class PooldCommandTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream realOut;
  private PrintStream realErr;

  @BeforeEach
  void captureOutput() {
    // The command reads OWP_* variables as defaults: with OWP_DB set, "missing --db" cannot happen.
    assumeTrue(System.getenv("OWP_DB") == null && System.getenv("OWP_ENV_FILE") == null);
    realOut = System.out;
    realErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreOutput() {
    if (realOut != null) {
      System.setOut(realOut);
      System.setErr(realErr);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--bogus                          | poold: Unknown option: '--bogus' (see poold --help)",
        "--db pool.db --port abc          | poold: Invalid value for option '--port': 'abc' is not an int (see poold --help)",
        "--db pool.db --port 70000        | poold: --port must be between 0 and 65535, got 70000 (see poold --help)",
        "--db pool.db --lease-ttl 0       | poold: --lease-ttl must be between 1 and 31536000, got 0 (see poold --help)",
        "--db pool.db --heartbeat-ttl -5  | poold: --heartbeat-ttl must be between 1 and 31536000, got -5 (see poold --help)",
        "--db pool.db --cycle 0           | poold: --cycle must be between 1 and 3600, got 0 (see poold --help)",
        "--db pool.db --cycle soon        | poold: Invalid value for option '--cycle': 'soon' is not a long (see poold --help)",
        "--db pool.db --db-pool-size 1    | poold: --db-pool-size must be between 2 and 1000, got 1 (see poold --help)",
        "--port 8787                      | poold: Missing --db: name the SQLite file to use, e.g. --db pool.db (or set OWP_DB) (see poold --help)",
        "--db jdbc:mysql://db/pool        | poold: unsupported database URL 'jdbc:mysql://db/pool': use a file path (SQLite) or jdbc:postgresql://host/db (see poold --help)",
      })
  void aUsageErrorIsOneLineAndExitCode2(String args, String line) {
    int exitCode = PooldCommand.execute(args.split(" "));

    assertThat(exitCode).isEqualTo(2);
    assertThat(stderrLines()).containsExactly(line);
    assertThat(stdout()).isEmpty();
  }

  @Test
  void anUnexpectedArgumentIsAUsageError() {
    int exitCode = PooldCommand.execute(new String[] {"--db", "pool.db", "serve"});

    assertThat(exitCode).isEqualTo(2);
    assertThat(stderrLines()).singleElement().asString().startsWith("poold: ").contains("serve");
  }

  @Test
  void postgresqlWithoutAnAdminTokenIsOneLineAndExitCode2() {
    assumeTrue(System.getenv("OWP_ADMIN_TOKEN") == null);

    int exitCode =
        PooldCommand.execute(new String[] {"--db", "jdbc:postgresql://127.0.0.1:1/pool"});

    assertThat(exitCode).isEqualTo(2);
    assertThat(stderrLines())
        .containsExactly(
            "poold: Set OWP_ADMIN_TOKEN: poold on PostgreSQL needs it, and replicas sharing the"
                + " database must share one admin token (see poold --help)");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void helpListsEveryFlagAndExits0() {
    int exitCode = PooldCommand.execute(new String[] {"--help"});

    assertThat(exitCode).isZero();
    assertThat(stdout())
        .contains(
            "--db",
            "--host",
            "--port",
            "--lease-ttl",
            "--heartbeat-ttl",
            "--cycle",
            "--db-pool-size")
        .contains("default: 1800", "default: 90", "default: 5", "default: 8787")
        .contains("OWP_ADMIN_TOKEN", "env.local");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void versionExits0() {
    int exitCode = PooldCommand.execute(new String[] {"--version"});

    assertThat(exitCode).isZero();
    assertThat(stdout()).startsWith("poold ");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private List<String> stderrLines() {
    return err.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
