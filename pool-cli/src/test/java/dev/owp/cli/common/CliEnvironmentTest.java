package dev.owp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CliEnvironmentTest {

  @ParameterizedTest
  @CsvSource({"132, 132", "'', 80", "wide, 80", "0, 80", "-5, 80", "' 100 ', 100"})
  void theTerminalWidthComesFromColumnsElseIsEighty(String columns, int expected) {
    CliEnvironment env =
        new CliEnvironment(
            Map.of("COLUMNS", columns), Map.of(), Path.of("/"), true, new StopSignal());

    assertThat(env.columns()).isEqualTo(expected);
  }
}
