package dev.owp.cli.admin;

import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.common.Table;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.repo.RepoList;
import dev.owp.protocol.repo.RepoView;
import java.io.PrintWriter;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code pool admin repos}: every repository and the use of its review budget. */
@Command(name = "repos", description = "Lists repositories with the use of their review budget.")
final class ReposCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Override
  public Integer call() {
    RepoList repos = admin.connect(server).repos();
    PrintWriter out = Objects.requireNonNull(spec).commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, repos);
      return 0;
    }
    Table table =
        Table.of("repo", "max_open_prs", "held", "open_prs", "ready", "area_locks", "throttled");
    for (RepoView repo : repos.repos()) {
      table.row(
          repo.repo(),
          repo.maxOpenPrs(),
          repo.held(),
          repo.openPrs(),
          repo.ready(),
          repo.areaLocksEnabled() ? "on" : "off",
          repo.throttled() ? "yes" : "no");
    }
    table.print(out, null);
    return 0;
  }
}
