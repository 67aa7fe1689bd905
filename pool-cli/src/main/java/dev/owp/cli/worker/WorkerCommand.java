package dev.owp.cli.worker;

import picocli.CommandLine.Command;

/** {@code pool worker}: groups the contributor's commands; no logic of its own. */
@Command(
    name = "worker",
    description = "Offer a worker to the pool: register it, run it, report on its tasks.",
    subcommands = {
      RegisterCommand.class,
      RunCommand.class,
      SimulateCommand.class,
      StatusCommand.class,
      ReleaseCommand.class,
      PauseCommand.class,
      ResumeCommand.class,
      ShowCommand.class
    })
public final class WorkerCommand {}
