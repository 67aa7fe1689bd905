package dev.owp.cli.common;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) into presses of a {@link StopSignal} while a long-running command is
 * active, so it can finish its work instead of dying mid-way, and SIGTERM ({@code kill}, a service
 * manager, a demo script cleaning up) into a stop now: running commands are killed and their tasks
 * released rather than left running behind the worker. Closing restores the previous handlers.
 * {@code sun.misc.Signal} is the only JDK way to intercept these signals without exiting.
 */
public final class SigintTrap implements AutoCloseable {

  private static final Signal INT = new Signal("INT");
  private static final Signal TERM = new Signal("TERM");

  private final SignalHandler previousInt;
  private final SignalHandler previousTerm;

  private SigintTrap(SignalHandler previousInt, SignalHandler previousTerm) {
    this.previousInt = previousInt;
    this.previousTerm = previousTerm;
  }

  /** Presses {@code stop} on every SIGINT, and twice on SIGTERM, until closed. */
  public static SigintTrap install(StopSignal stop) {
    SignalHandler previousInt = Signal.handle(INT, signal -> stop.press());
    SignalHandler previousTerm =
        Signal.handle(
            TERM,
            signal -> {
              while (stop.presses() < 2) {
                stop.press();
              }
            });
    return new SigintTrap(previousInt, previousTerm);
  }

  @Override
  public void close() {
    Signal.handle(INT, previousInt);
    Signal.handle(TERM, previousTerm);
  }
}
