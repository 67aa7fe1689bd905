package dev.owp.cli.admin;

import picocli.CommandLine.Command;

/**
 * {@code pool admin}: groups the maintainer's commands; no logic of its own. Each subcommand is one
 * class with the server and admin-token mixins, so a new source of tasks (GitHub issues) or a
 * benchmark joins by adding its class to the list.
 */
@Command(
    name = "admin",
    description = "Set up, watch and correct the pool (needs the admin token: OWP_ADMIN_TOKEN).",
    subcommands = {
      InitRepoCommand.class,
      AddTaskCommand.class,
      ImportTasksCommand.class,
      dev.owp.cli.github.ImportGithubIssuesCommand.class,
      StateCommand.class,
      ReposCommand.class,
      TasksCommand.class,
      WorkersCommand.class,
      EventsCommand.class,
      RequeueCommand.class,
      CancelCommand.class,
      SetTierCommand.class,
      PauseWorkerCommand.class,
      ResumeWorkerCommand.class,
      RemoveWorkerCommand.class
    })
public final class AdminCommand {}
