package dev.owp.cli.common;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns Ctrl-C (SIGINT) into presses of a {@link StopSignal} while a long-running command is
 * active, so it can finish its work instead of dying mid-way; closing restores the previous
 * handler. {@code sun.misc.Signal} is the only JDK way to intercept SIGINT without exiting.
 */
public final class SigintTrap implements AutoCloseable {

  private static final Signal INT = new Signal("INT");

  private final SignalHandler previous;

  private SigintTrap(SignalHandler previous) {
    this.previous = previous;
  }

  /** Presses {@code stop} on every SIGINT until closed. */
  public static SigintTrap install(StopSignal stop) {
    return new SigintTrap(Signal.handle(INT, signal -> stop.press()));
  }

  @Override
  public void close() {
    Signal.handle(INT, previous);
  }
}
