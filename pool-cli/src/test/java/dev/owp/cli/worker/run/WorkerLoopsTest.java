package dev.owp.cli.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How {@code --exec} commands are prepared. */
class WorkerLoopsTest {

  @TempDir Path cwd;

  @Test
  void aRelativeScriptThatExistsBecomesAbsolute() throws IOException {
    Files.writeString(cwd.resolve("agent.sh"), "true");

    assertThat(WorkerLoops.absoluteScript("./agent.sh --fast", cwd))
        .isEqualTo("'" + cwd.resolve("agent.sh") + "' --fast");
    assertThat(WorkerLoops.absoluteScript("./missing.sh", cwd)).isEqualTo("./missing.sh");
    assertThat(WorkerLoops.absoluteScript("claude -p \"$OWP_TASK_TITLE\"", cwd))
        .isEqualTo("claude -p \"$OWP_TASK_TITLE\"");
  }

  @Test
  void theCommandRunsInASessionOfItsOwnWhereSetsidExists() throws IOException {
    Path bin = Files.createDirectory(cwd.resolve("bin"));
    Path setsid = Files.writeString(bin.resolve("setsid"), "");
    setsid.toFile().setExecutable(true);

    assertThat(CommandLauncher.shell("echo hi", bin.toString()))
        .containsExactly(setsid.toString(), "sh", "-c", "echo hi");
    assertThat(CommandLauncher.shell("echo hi", cwd.toString()))
        .isEqualTo(List.of("sh", "-c", "trap '' INT\necho hi"));
  }
}
