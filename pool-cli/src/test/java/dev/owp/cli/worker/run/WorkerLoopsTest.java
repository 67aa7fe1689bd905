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
  void aScriptGivenAsAPathMustExistAndBeExecutable() throws IOException {
    Path workdir = Files.createDirectory(cwd.resolve("work"));
    Path agent = Files.writeString(cwd.resolve("agent.sh"), "true");
    agent.toFile().setExecutable(true);
    Files.writeString(workdir.resolve("plain.sh"), "true");

    assertThat(WorkerLoops.scriptProblem("./agent.sh --fast", cwd, workdir, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem(agent + " --fast", cwd, workdir, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem("~/agent.sh", cwd, workdir, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem("../agent.sh", workdir, workdir, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem("./agnet.sh", cwd, workdir, cwd))
        .isEqualTo("no such script: ./agnet.sh (looked in " + cwd + " and " + workdir + ")");
    assertThat(WorkerLoops.scriptProblem("/nowhere/agent.sh", cwd, workdir, cwd))
        .isEqualTo("no such script: /nowhere/agent.sh");
    assertThat(WorkerLoops.scriptProblem("bin/agent.sh", cwd, cwd, cwd))
        .isEqualTo("no such script: bin/agent.sh");
    assertThat(WorkerLoops.scriptProblem("./plain.sh", cwd, workdir, cwd))
        .isEqualTo(workdir.resolve("plain.sh") + " is not executable (chmod +x it)");
  }

  @Test
  void aCommandFoundThroughPathOrExpandedByTheShellIsNotChecked() {
    assertThat(WorkerLoops.scriptProblem("claude -p \"$OWP_TASK_TITLE\"", cwd, cwd, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem("$HOME/bin/agent.sh", cwd, cwd, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem("'./my agent.sh'", cwd, cwd, cwd)).isNull();
    assertThat(WorkerLoops.scriptProblem("MODEL=a/b ./agent.sh", cwd, cwd, cwd)).isNull();
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
