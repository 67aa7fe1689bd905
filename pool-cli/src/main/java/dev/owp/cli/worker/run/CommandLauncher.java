package dev.owp.cli.worker.run;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.lease.LeaseView;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts the {@code --exec} command for a lease: through {@code sh -c} in the work directory, with
 * the task in its environment ({@code OWP_TASK_ID}, {@code OWP_TASK_TITLE}, … and {@code
 * OWP_TASK_FILE}, the lease as JSON). The worker's and admin's tokens are left out: the command
 * runs a tool on someone else's repository and has no use for them.
 */
final class CommandLauncher {

  private static final JsonMapper JSON =
      OwpJson.configure(JsonMapper.builder(), OwpJson.Strictness.LENIENT)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();
  private static final List<String> SECRETS = List.of("OWP_TOKEN", "OWP_ADMIN_TOKEN");

  private final String command;
  private final Path workdir;
  private final URI server;
  private final Map<String, String> variables;
  private final PrintWriter out;
  private final List<String> shell;

  /**
   * @param variables the environment to pass on, besides the task's own variables
   */
  CommandLauncher(
      String command, Path workdir, URI server, Map<String, String> variables, PrintWriter out) {
    this.command = command;
    this.workdir = workdir;
    this.server = server;
    this.variables = Map.copyOf(variables);
    this.out = out;
    this.shell = shell(command, variables.get("PATH"));
  }

  /** Starts the command for {@code lease}; {@code onExit} gets it when it ends. */
  TaskProcess start(LeaseView lease, Consumer<TaskProcess> onExit) throws IOException {
    Path taskFile = writeTaskFile(lease);
    ProcessBuilder builder =
        new ProcessBuilder(shell).directory(workdir.toFile()).redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.putAll(variables);
    SECRETS.forEach(environment::remove);
    environment.putAll(taskVariables(lease, taskFile));
    try {
      Process process = builder.start();
      // Tools run non-interactively: an open stdin would make some of them wait for input.
      process.getOutputStream().close();
      return TaskProcess.watch(lease, process, taskFile, out, onExit);
    } catch (IOException e) {
      Files.deleteIfExists(taskFile);
      throw e;
    }
  }

  /** The command as given. */
  String command() {
    return command;
  }

  /** The variables describing the task. */
  Map<String, String> taskVariables(LeaseView lease, Path taskFile) {
    return Map.of(
        "OWP_TASK_ID", lease.taskId().value(),
        "OWP_TASK_TITLE", lease.title(),
        "OWP_TASK_DESCRIPTION", Objects.requireNonNullElse(lease.description(), ""),
        "OWP_REPO", lease.repo(),
        "OWP_TASK_AREA", Objects.requireNonNullElse(lease.area(), ""),
        "OWP_REQUIRED_SKILLS", String.join(",", lease.requiredSkills()),
        "OWP_SERVER", server.toString(),
        "OWP_TASK_FILE", taskFile.toString(),
        "OWP_LEASE_ID", lease.leaseId().value());
  }

  /**
   * {@code sh -c COMMAND}, in a session of its own where {@code setsid} exists: Ctrl-C in the
   * worker's terminal then reaches only the worker, which decides whether the command may finish.
   * Elsewhere the shell ignores SIGINT, which its children inherit unless they handle it.
   */
  static List<String> shell(String command, @Nullable String path) {
    if (path != null) {
      for (String dir : path.split(File.pathSeparator)) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "setsid"))) {
          return List.of(Path.of(dir, "setsid").toString(), "sh", "-c", command);
        }
      }
    }
    return List.of("sh", "-c", "trap '' INT\n" + command);
  }

  private static Path writeTaskFile(LeaseView lease) throws IOException {
    Path file =
        Files.createTempFile(
            "owp-task-" + lease.taskId() + "-",
            ".json",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(file, JSON.writeValueAsString(lease) + "\n", StandardCharsets.UTF_8);
    return file;
  }
}
