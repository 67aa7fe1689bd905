package dev.owp.cli.bench;

import dev.owp.protocol.task.TaskId;
import java.util.Collection;

/**
 * What the simulated workers of a run record into, and the clock that says which part of the run
 * each record falls in.
 */
record RunTallies(
    RunClock clock, Completions completions, RequestCounter requests, ErrorTally errors) {

  static RunTallies of(RunClock clock, Collection<TaskId> seeded) {
    return new RunTallies(
        clock, new Completions(seeded, clock), new RequestCounter(clock), new ErrorTally());
  }
}
