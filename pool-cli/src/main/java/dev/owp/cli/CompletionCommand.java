package dev.owp.cli;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pool completion}: prints a completion script for bash and zsh. */
@Command(
    name = "completion",
    description = {
      "Prints a bash/zsh completion script for pool.",
      "Use it with:  source <(pool completion)   (zsh: the script loads bashcompinit itself)"
    })
final class CompletionCommand implements Runnable {

  @Spec @Nullable CommandSpec spec;

  @Override
  public void run() {
    CommandSpec command = Objects.requireNonNull(spec);
    command.commandLine().getOut().print(AutoComplete.bash("pool", command.root().commandLine()));
    command.commandLine().getOut().flush();
  }
}
