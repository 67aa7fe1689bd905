package dev.owp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.CliEnvironment;
import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.PooldExtension;
import dev.owp.cli.testing.PooldServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code env.local} and {@code .env} in the working directory configure pool too. */
@ExtendWith(PooldExtension.class)
class EnvironmentFilesTest {

  @TempDir Path dir;

  private int run(Map<String, String> variables, StringWriter err, String... args) {
    CliEnvironment env = CliEnvironment.load(variables, dir, false);
    return PoolCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), env, args);
  }

  @Test
  void envLocalSuppliesServerAndAdminToken(PooldServer poold) throws IOException {
    Files.writeString(
        dir.resolve("env.local"),
        "export OWP_SERVER="
            + poold.url()
            + "\nOWP_ADMIN_TOKEN='"
            + PooldServer.ADMIN_TOKEN
            + "'\n");
    Files.writeString(dir.resolve(".env"), "OWP_ADMIN_TOKEN=overridden-by-env-local\n");

    int code = run(Map.of("HOME", dir.toString()), new StringWriter(), "admin", "state");

    assertThat(code).isEqualTo(ExitCodes.OK);
  }

  @Test
  void theRealEnvironmentWinsOverTheFiles(PooldServer poold) throws IOException {
    Files.writeString(dir.resolve(".env"), "OWP_ADMIN_TOKEN=" + PooldServer.ADMIN_TOKEN + "\n");
    StringWriter err = new StringWriter();

    int code =
        run(
            Map.of(
                "HOME",
                dir.toString(),
                "OWP_SERVER",
                poold.url().toString(),
                "OWP_ADMIN_TOKEN",
                "wrong"),
            err,
            "admin",
            "state");

    assertThat(code).isEqualTo(ExitCodes.REJECTED);
    assertThat(err.toString()).startsWith("pool: HTTP 401 ");
  }

  @Test
  void aMissingOwpEnvFileIsAUsageErrorInOneLine() {
    StringWriter err = new StringWriter();

    int code =
        PoolCli.launch(
            new PrintWriter(new StringWriter()),
            new PrintWriter(err),
            Map.of("HOME", dir.toString(), "OWP_ENV_FILE", "missing.env"),
            dir,
            false,
            "admin",
            "state");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString())
        .isEqualTo(
            "pool: OWP_ENV_FILE names " + dir.resolve("missing.env") + ", which does not exist\n");
  }
}
