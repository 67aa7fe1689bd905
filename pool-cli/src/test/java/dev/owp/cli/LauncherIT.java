package dev.owp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.cli.common.ExitCodes;
import dev.owp.cli.testing.PooldServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/pool} running the shaded {@code pool.jar} as a user would: a separate process with its
 * own exit code, the version from the jar's manifest, and a one-line error.
 */
class LauncherIT {

  @TempDir Path home;

  @Test
  void versionComesFromTheJarsManifest() throws Exception {
    Run run = pool("--version");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).startsWith("pool 0.").doesNotContain("development build");
  }

  @Test
  void anUnreachableServerIsOneLineAndExitCode3() throws Exception {
    String dead = "http://127.0.0.1:" + PooldServer.freePort();

    Run run = pool("admin", "state", "--server", dead, "--admin-token", "x");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.SERVER_UNREACHABLE);
    assertThat(run.out()).isEqualTo("pool: cannot reach " + dead + ": connection refused\n");
  }

  private record Run(int exitCode, String out) {}

  private Run pool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(System.getProperty("owp.test.launcher", "../bin/pool"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("OWP_"));
    builder.environment().put("HOME", home.toString());
    builder.environment().put("XDG_CONFIG_HOME", home.resolve(".config").toString());
    builder
        .environment()
        .put("POOL_JAR", System.getProperty("owp.test.pool-jar", "target/pool.jar"));
    builder.directory(home.toFile());
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("pool " + String.join(" ", args) + " did not finish:\n" + out);
    }
    return new Run(process.exitValue(), out);
  }
}
