package dev.owp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.Cli;
import dev.owp.cli.testing.Cli.Result;
import dev.owp.cli.testing.PooldServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The root command: help, version, completion, usage errors and error reporting. */
class PoolCommandTest {

  @TempDir Path home;

  @Test
  void helpListsTheCommandGroupsAndTheExitCodes() {
    Result help = Cli.bare(home).run("--help");

    help.assertExit(ExitCodes.OK);
    assertThat(help.out())
        .contains("OWP Pool CLI (worker + admin)", "worker", "admin", "completion")
        .contains("Exit codes:", "0   ok", "1   the server rejected", "2   usage error")
        .contains("3   the server could not be reached", "OWP_ADMIN_TOKEN");
  }

  @Test
  void everySubcommandHasHelp() {
    Result help = Cli.bare(home).run("admin", "import-tasks", "--help");

    help.assertExit(ExitCodes.OK);
    assertThat(help.out()).contains("Usage: pool admin import-tasks", "--repo", "--admin-token");
  }

  @Test
  void versionNamesTheProgramAndTheProtocol() {
    Result version = Cli.bare(home).run("--version");

    version.assertExit(ExitCodes.OK);
    assertThat(version.out()).startsWith("pool ").contains("OWP protocol client");
  }

  @Test
  void completionPrintsAScriptForBashAndZsh() {
    Result completion = Cli.bare(home).run("completion");

    completion.assertExit(ExitCodes.OK);
    assertThat(completion.out())
        .contains("complete -F", "bashcompinit", "import-tasks", "--heartbeat-every");
  }

  @Test
  void anUnknownCommandIsAUsageErrorOnOneLine() {
    Result result = Cli.bare(home).run("wrker", "run");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .startsWith("pool: Unmatched arguments")
        .contains("'wrker'", "did you mean worker?", "(see pool --help)");
    assertThat(result.err().lines()).hasSize(1);
  }

  @Test
  void aGroupWithoutSubcommandShowsItsUsage() {
    Result result = Cli.bare(home).run("worker");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("Usage: pool worker", "register", "Missing required subcommand");
  }

  @Test
  void aBadOptionValueIsAUsageError() {
    Result result = Cli.bare(home).run("admin", "tasks", "--status", "done");

    result.assertExit(ExitCodes.USAGE);
    assertThat(result.err())
        .contains("pool admin tasks: Invalid value for option '--status'")
        .contains("unknown task status 'done'");
  }

  @Test
  void verboseAddsTheStackTraceWhereverItIsGiven() {
    String dead = "http://127.0.0.1:" + PooldServer.freePort();
    Cli cli = Cli.bare(home).set("OWP_ADMIN_TOKEN", "t");

    Result quiet = cli.run("admin", "state", "--server", dead);
    Result before = cli.run("--verbose", "admin", "state", "--server", dead);
    Result after = cli.run("admin", "state", "--server", dead, "--verbose");

    assertThat(quiet.err().lines()).hasSize(1);
    assertThat(quiet.err()).doesNotContain("OwpUnreachableException");
    assertThat(before.err()).contains("OwpUnreachableException", "\tat ");
    assertThat(after.err()).contains("OwpUnreachableException", "\tat ");
    after.assertExit(ExitCodes.SERVER_UNREACHABLE);
  }
}
