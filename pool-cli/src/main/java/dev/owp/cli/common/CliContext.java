package dev.owp.cli.common;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the root command knows that every subcommand and mixin needs: the environment and the global
 * options. Reached from any command through its {@link CommandSpec}.
 */
public interface CliContext {

  /** The environment of this invocation. */
  CliEnvironment environment();

  /** {@code --config}, or null. */
  @Nullable Path configOption();

  /** {@code --verbose}: report errors with their stack traces. */
  boolean verbose();

  /** The context of the command line that {@code spec} belongs to. */
  static CliContext of(CommandSpec spec) {
    return (CliContext) spec.root().userObject();
  }
}
