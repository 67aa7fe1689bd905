package dev.owp.cli.admin;

import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.common.Table;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.task.TaskPage;
import dev.owp.protocol.task.TaskQuery;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.task.TaskView;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pool admin tasks}: lists tasks, newest first, with filters. */
@Command(name = "tasks", description = "Lists tasks, newest first.")
final class TasksCommand implements Callable<Integer> {

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--repo", paramLabel = "REPO", description = "Only this repository.")
  @Nullable String repo;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only this status, e.g. ready.")
  @Nullable TaskStatus status;

  @Option(
      names = "--limit",
      defaultValue = "100",
      paramLabel = "N",
      description = "At most N tasks (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--all", description = "Every task, however many.")
  boolean all;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    if (limit < 1) {
      throw new ParameterException(command.commandLine(), "--limit must be at least 1");
    }
    OwpAdminClient client = admin.connect(server);
    List<TaskView> tasks = new ArrayList<>();
    String cursor = null;
    do {
      // Never fetch more than asked for, so that the cursor continues right after what is shown.
      int size = all ? TaskQuery.MAX_LIMIT : Math.min(limit - tasks.size(), TaskQuery.MAX_LIMIT);
      TaskPage page = client.tasks(new TaskQuery(repo, status, size, cursor));
      tasks.addAll(page.tasks());
      cursor = page.nextCursor();
    } while (cursor != null && (all || tasks.size() < limit));
    print(command.commandLine().getOut(), new TaskPage(tasks, cursor));
    return 0;
  }

  private void print(PrintWriter out, TaskPage page) {
    if (output.json()) {
      OutputOptions.printJson(out, page);
      return;
    }
    Table table =
        Table.of(
            "task_id", "status", "repo", "priority", "points", "area", "skills", "worker", "title");
    for (TaskView task : page.tasks()) {
      table.row(
          task.taskId(),
          task.status().wireName(),
          task.repo(),
          task.priority(),
          task.estimatePoints(),
          task.area(),
          task.requiredSkills(),
          task.workerId(),
          Table.cut(task.title(), 60));
    }
    table.print(out, null);
    if (page.nextCursor() != null) {
      out.println("(more tasks: use --limit N or --all)");
    }
  }
}
