package dev.owp.cli.admin;

import dev.owp.cli.common.Inputs;
import dev.owp.cli.common.OutputOptions;
import dev.owp.cli.common.Table;
import dev.owp.cli.connect.AdminTokenOptions;
import dev.owp.cli.connect.ServerOptions;
import dev.owp.protocol.event.EventPage;
import dev.owp.protocol.event.EventQuery;
import dev.owp.protocol.event.EventView;
import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

/** {@code pool admin events}: the audit log, newest first. */
@Command(name = "events", description = "Shows the audit log, newest first.")
final class EventsCommand implements Callable<Integer> {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);

  @Spec @Nullable CommandSpec spec;
  @Mixin ServerOptions server = new ServerOptions();
  @Mixin AdminTokenOptions admin = new AdminTokenOptions();
  @Mixin OutputOptions output = new OutputOptions();

  @Option(names = "--task", paramLabel = "TASK_ID", description = "Only this task's history.")
  @Nullable TaskId task;

  @Option(names = "--worker", paramLabel = "WORKER_ID", description = "Only this worker's events.")
  @Nullable WorkerId worker;

  @Option(names = "--repo", paramLabel = "REPO", description = "Only this repository's events.")
  @Nullable String repo;

  @Option(
      names = "--limit",
      defaultValue = "50",
      paramLabel = "N",
      description = "At most N events, 1 to 500 (default: ${DEFAULT-VALUE}).")
  int limit;

  @Override
  public Integer call() {
    CommandSpec command = Objects.requireNonNull(spec);
    EventQuery query =
        Inputs.valid(
            command,
            Map.of("limit", "--limit"),
            () -> new EventQuery(task, worker, repo, null, limit, null));
    EventPage page = admin.connect(server).events(query);
    PrintWriter out = command.commandLine().getOut();
    if (output.json()) {
      OutputOptions.printJson(out, page);
      return 0;
    }
    Table table = Table.of("id", "ts", "type", "actor", "repo", "task", "details");
    for (EventView event : page.events()) {
      table.row(
          event.id(),
          event.ts(),
          event.type().wireName(),
          event.actorWorkerId(),
          event.repo(),
          event.taskId(),
          Table.cut(JSON.writeValueAsString(event.details()), 100));
    }
    table.print(out, null);
    return 0;
  }
}
