package dev.owp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of command, with nothing listening at the server's address: exit code 3. */
class ServerDownTest {

  @TempDir Path home;

  private final String dead = "http://127.0.0.1:" + PooldServer.freePort();

  @Test
  void anAdminReadSaysWhichServerCannotBeReached() {
    Result result =
        Cli.bare(home).set("OWP_ADMIN_TOKEN", "t").run("admin", "state", "--server", dead);

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).isEqualTo("pool: cannot reach " + dead + ": connection refused\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void anUnknownHostIsNamedAsSuch() {
    String nowhere = "http://nonexistent.invalid:8787";

    Result result =
        Cli.bare(home).set("OWP_ADMIN_TOKEN", "t").run("admin", "state", "--server", nowhere);

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err())
        .isEqualTo("pool: cannot reach " + nowhere + ": unknown host nonexistent.invalid\n");
  }

  @Test
  void registeringCannotReachTheServerEither() {
    Result result = Cli.bare(home).set("OWP_SERVER", dead).run("worker", "register", "--name", "A");

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).isEqualTo("pool: cannot reach " + dead + ": connection refused\n");
  }

  @Test
  void aWorkerReportUsesTheTokenAndTheServerFromTheEnvironment() {
    Result result =
        Cli.bare(home)
            .set("OWP_SERVER", dead)
            .set("OWP_TOKEN", "some-token")
            .run("worker", "status", "t_0123456789abcdef", "--status", "in_progress");

    result.assertExit(ExitCodes.SERVER_UNREACHABLE);
    assertThat(result.err()).contains("cannot reach " + dead);
  }
}
