package dev.owp.cli.common;

import dev.owp.protocol.json.OwpJson;
import java.io.PrintWriter;
import picocli.CommandLine.Option;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --json}, for every command that reads: its result (the protocol record the server answered
 * with, or {@code pool bench}'s report) serialised with the wire conventions ({@code snake_case},
 * ISO timestamps), instead of a table.
 */
public final class OutputOptions {

  private static final JsonMapper JSON =
      OwpJson.configure(JsonMapper.builder(), OwpJson.Strictness.LENIENT)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  @Option(names = "--json", description = "Print the result as JSON, for scripts.")
  boolean json;

  /** True when JSON was asked for. */
  public boolean json() {
    return json;
  }

  /** Prints {@code value} as indented JSON. */
  public static void printJson(PrintWriter out, Object value) {
    out.println(JSON.writeValueAsString(value));
    out.flush();
  }
}
