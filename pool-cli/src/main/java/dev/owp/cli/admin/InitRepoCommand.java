package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.repo.RepoSaved;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pool admin init-repo REPO}: registers a repository or changes its settings. */
@Command(
    name = "init-repo",
    description = "Registers a repository with its review budget, or changes its settings.")
final class InitRepoCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();

  @Parameters(paramLabel = "REPO", description = "The repository key, e.g. demo or owner/name.")
  String repo = "";

  @Option(
      names = "--max-open-prs",
      defaultValue = "2",
      paramLabel = "N",
      description =
          "Review budget: tasks held at once, PRs open included (default: ${DEFAULT-VALUE}).")
  int maxOpenPrs;

  @Option(
      names = "--area-locks",
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Tasks of the same area never run at once (default: on).")
  boolean areaLocks = true;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    RepoConfig config =
        Inputs.valid(
            command,
            Map.of("repo", "REPO", "max_open_prs", "--max-open-prs"),
            () -> new RepoConfig(repo, maxOpenPrs, areaLocks));
    RepoSaved saved = admin.connect(server).upsertRepo(config);
    command.commandLine().getOut().println("Repo upserted " + saved.repo());
    return 0;
  }
}
