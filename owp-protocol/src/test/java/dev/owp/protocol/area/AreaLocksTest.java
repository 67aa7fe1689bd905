package dev.owp.protocol.area;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AreaLocksTest {

  @ParameterizedTest(name = "locks enabled={0}, held [{1}], task area ''{2}'': admits={3}")
  @CsvSource({
    "true,  'auth',      'auth', false",
    "true,  'auth,docs', 'docs', false",
    "true,  'auth',      'docs', true",
    "true,  '',          'auth', true",
    "true,  'auth',      '',     true",
    "false, 'auth',      'auth', true",
    "false, '',          '',     true"
  })
  void heldAreaExcludesOtherTasksOfTheSameAreaWhenEnabled(
      boolean enabled, String held, String area, boolean admits) {
    Set<AreaKey> locked =
        held.isBlank()
            ? Set.of()
            : Arrays.stream(held.split(",")).map(AreaKey::new).collect(Collectors.toSet());

    assertThat(AreaLocks.admits(enabled, locked, AreaKey.parse(area))).isEqualTo(admits);
  }
}
