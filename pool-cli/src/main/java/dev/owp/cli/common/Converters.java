package dev.owp.cli.common;

import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.WorkerId;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Lets options and parameters be protocol types ({@code TaskId}, {@code WorkerId}, {@code
 * TaskStatus}), reporting a bad value in the protocol's own words.
 */
public final class Converters {

  private Converters() {}

  /** Registers the converters on {@code commandLine} and all its subcommands. */
  public static CommandLine register(CommandLine commandLine) {
    return commandLine
        .registerConverter(TaskId.class, checked(TaskId::of))
        .registerConverter(WorkerId.class, checked(WorkerId::of))
        .registerConverter(TaskStatus.class, checked(TaskStatus::fromWire));
  }

  private static <T> ITypeConverter<T> checked(ITypeConverter<T> parse) {
    return value -> {
      try {
        return parse.convert(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(String.valueOf(e.getMessage()));
      }
    };
  }
}
