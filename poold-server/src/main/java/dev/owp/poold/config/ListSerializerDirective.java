package dev.owp.poold.config;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the JIT compiler from inlining callees into Jackson's list serializer.
 *
 * <p>A bulk import answers with up to 5,000 results in one list, so the list serializer's loop gets
 * hot with one element type, and C2 compiles it with that element's serializer inlined. That one
 * compilation borrows 25–50 MB of C heap for a few seconds: with 1,000 workers and 100,000 ready
 * tasks it was poold's peak resident memory on Java 17 (docs/benchmarks.md, "Jackson's list
 * serializer compiled without inlining"). Compiled without inlining, the loop calls each element's
 * serializer, which is compiled on its own; that peak is gone, and throughput measured the same.
 * {@link NativeHeapTrim} gives such memory back afterwards; this keeps it from being taken.
 *
 * <p>The directive covers every method of the serializer, not only the loop: C2 compiles the loop
 * into whichever of them it compiles first ({@code serializeContents} inlines it, and in some runs
 * was the one compiled, with the same cost).
 *
 * <p>The JVM takes the directive through its {@code Compiler.directives_add} diagnostic command, as
 * poold is started with a plain {@code java -jar}. An operator who gives the JVM directives of
 * their own ({@code -XX:CompilerDirectivesFile}) is left with exactly those, and a JVM without the
 * command is left alone.
 */
@Component
class ListSerializerDirective {

  private static final Logger log = LoggerFactory.getLogger(ListSerializerDirective.class);

  // A diagnostic flag: HotSpotDiagnosticMXBean does not show it unless diagnostics are unlocked.
  private static final String OPERATORS_FLAG = "-XX:CompilerDirectivesFile";

  static final String DIRECTIVE =
      """
      [{
        match: "tools/jackson/databind/ser/jdk/IndexedListSerializer.*",
        inline: "-*.*"
      }]
      """;

  @EventListener(ApplicationStartedEvent.class)
  void onStart() {
    add();
  }

  /** Adds the directive; true when the JVM took it. */
  boolean add() {
    if (!wanted(ManagementFactory.getRuntimeMXBean().getInputArguments())) {
      return false;
    }
    Path file = null;
    try {
      file = Files.createTempFile("poold-compiler-directive", ".json");
      Files.writeString(file, DIRECTIVE);
      String outcome = DiagnosticCommands.run("compilerDirectivesAdd", file.toString());
      log.debug("Compiler directive for Jackson's list serializer: {}", outcome.strip());
      return outcome.contains("1 compiler directives added");
    } catch (IOException | JMException | RuntimeException e) {
      log.debug("No compiler directive for Jackson's list serializer: {}", e.getMessage());
      return false;
    } finally {
      deleteQuietly(file);
    }
  }

  /** Whether poold should add it: the operator gave the JVM no directives of their own. */
  static boolean wanted(List<String> jvmArguments) {
    return jvmArguments.stream().noneMatch(argument -> argument.startsWith(OPERATORS_FLAG));
  }

  private static void deleteQuietly(@Nullable Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.debug("Could not delete {}: {}", file, e.getMessage());
      }
    }
  }
}
