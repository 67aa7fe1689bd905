package dev.owp.cli.common;

import dev.owp.protocol.env.EnvFiles;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code pool} invocation sees of the world: variables (real ones win over {@code env.local}
 * and {@code .env}), the working directory, whether output goes to a terminal, and the stop
 * requests of the operator. Commands read it instead of {@link System#getenv()}, so tests run them
 * in-process with an environment of their own.
 *
 * @param realVariables the process environment
 * @param fileVariables the variables of the env files in {@code workingDir}
 * @param workingDir where relative paths and env files are looked up
 * @param terminal true when standard output is a terminal (tables may then refresh in place)
 * @param stopSignal Ctrl-C presses
 */
public record CliEnvironment(
    Map<String, String> realVariables,
    Map<String, String> fileVariables,
    Path workingDir,
    boolean terminal,
    StopSignal stopSignal) {

  /** The terminal width assumed when {@code COLUMNS} does not tell. */
  public static final int DEFAULT_COLUMNS = 80;

  /** Copies the maps. */
  public CliEnvironment {
    realVariables = Map.copyOf(realVariables);
    fileVariables = Map.copyOf(fileVariables);
    workingDir = workingDir.toAbsolutePath();
  }

  /**
   * The environment of a process started in {@code workingDir}: reads its env files.
   *
   * @throws java.io.UncheckedIOException when {@code OWP_ENV_FILE} names a missing file, or an env
   *     file cannot be read
   */
  public static CliEnvironment load(
      Map<String, String> realVariables, Path workingDir, boolean terminal) {
    Map<String, String> files = EnvFiles.load(workingDir, realVariables.get("OWP_ENV_FILE"));
    return new CliEnvironment(realVariables, files, workingDir, terminal, new StopSignal());
  }

  /** The value of a variable, from the real environment first, then the env files. */
  public Optional<String> variable(String name) {
    return EnvFiles.lookup(realVariables, fileVariables).get(name).filter(v -> !v.isBlank());
  }

  /** Every variable, real ones winning: what child processes inherit. */
  public Map<String, String> allVariables() {
    Map<String, String> all = new LinkedHashMap<>(fileVariables);
    all.putAll(realVariables);
    return all;
  }

  /** The user's home directory: {@code HOME}, else the JVM's idea of it. */
  public Path home() {
    return variable("HOME").map(Path::of).orElseGet(() -> Path.of(System.getProperty("user.home")));
  }

  /**
   * The terminal's width in columns: {@code COLUMNS} when it is a positive number, else 80. Shells
   * keep {@code COLUMNS} up to date but seldom export it; 80 is the width no terminal lacks.
   */
  public int columns() {
    try {
      int columns = Integer.parseInt(variable("COLUMNS").orElse("").strip());
      return columns > 0 ? columns : DEFAULT_COLUMNS;
    } catch (NumberFormatException e) {
      // Unset or not a number: fall back on the common width.
      return DEFAULT_COLUMNS;
    }
  }

  /** {@code path} resolved against the working directory. */
  public Path resolve(Path path) {
    return workingDir.resolve(path);
  }
}
