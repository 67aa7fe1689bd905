package dev.owp.cli.common;

import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Builds protocol records from options. The records check their own values and name the wire field
 * at fault ({@code capacity_points must be between 1 and 100}); here the field becomes the option
 * the user typed ({@code --capacity must be between 1 and 100}) and the failure a usage error.
 */
public final class Inputs {

  private Inputs() {}

  /**
   * The value {@code build} returns, or a usage error naming the option.
   *
   * @param optionsByField option names by wire field name, e.g. {@code capacity_points →
   *     --capacity}
   */
  public static <T> T valid(
      CommandSpec spec, Map<String, String> optionsByField, Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      String message = String.valueOf(e.getMessage());
      for (Map.Entry<String, String> field : optionsByField.entrySet()) {
        if (message.startsWith(field.getKey() + " ")) {
          message = field.getValue() + message.substring(field.getKey().length());
          break;
        }
      }
      throw new ParameterException(spec.commandLine(), message, e);
    }
  }
}
