package dev.owp.poold.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.ser.jdk.IndexedListSerializer;

class ListSerializerDirectiveTest {

  @Test
  void theJvmTakesTheDirective() throws Exception {
    assumeThat(ManagementFactory.getRuntimeMXBean().getInputArguments())
        .noneMatch(argument -> argument.startsWith("-XX:CompilerDirectivesFile"));

    assertThat(new ListSerializerDirective().add()).isTrue();

    assertThat(DiagnosticCommands.run("compilerDirectivesPrint"))
        .contains("matching: tools/jackson/databind/ser/jdk/IndexedListSerializer.*")
        .contains("inline: -*.*");
  }

  @Test
  void itNamesTheListSerializerOfTheJacksonOnTheClassPath() {
    // A Jackson upgrade that moved the class, or the loop out of it, would leave the directive
    // matching nothing.
    assertThat(Arrays.stream(IndexedListSerializer.class.getDeclaredMethods()).map(Method::getName))
        .contains("serializeContents", "serializeContentsUsingImpl");
    assertThat(ListSerializerDirective.DIRECTIVE)
        .contains("match: \"" + IndexedListSerializer.class.getName().replace('.', '/') + ".*\"");
  }

  @Test
  void leavesTheOperatorsOwnDirectivesAlone() {
    assertThat(
            ListSerializerDirective.wanted(
                List.of(
                    "-Xmx192m",
                    "-XX:+UnlockDiagnosticVMOptions",
                    "-XX:CompilerDirectivesFile=/etc/poold/directives.json")))
        .isFalse();
    assertThat(ListSerializerDirective.wanted(List.of("-Xmx192m"))).isTrue();
  }
}
