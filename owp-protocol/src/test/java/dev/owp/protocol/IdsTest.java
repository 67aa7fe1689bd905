package dev.owp.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import dev.owp.protocol.lease.LeaseId;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.WorkerId;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class IdsTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  static Stream<Arguments> identifiers() {
    return Stream.of(
        Arguments.of(
            "task_id",
            "t_",
            (Function<String, Object>) TaskId::of,
            (Supplier<Object>) TaskId::random,
            TaskId.class),
        Arguments.of(
            "lease_id",
            "l_",
            (Function<String, Object>) LeaseId::of,
            (Supplier<Object>) LeaseId::random,
            LeaseId.class),
        Arguments.of(
            "worker_id",
            "w_",
            (Function<String, Object>) WorkerId::of,
            (Supplier<Object>) WorkerId::random,
            WorkerId.class));
  }

  @Test
  void randomIdentifierIsThePrefixAnd16HexDigits() {
    assertThat(Ids.random("x_")).matches("x_[0-9a-f]{16}");
  }

  @Test
  void randomIdentifiersDoNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(Ids.random(""));
    }
    assertThat(seen).hasSize(10_000);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifiers")
  void randomIdentifiersCarryTheirPrefix(
      String field,
      String prefix,
      Function<String, Object> of,
      Supplier<Object> random,
      Class<?> type) {
    assertThat(random.get().toString()).matches(prefix + "[0-9a-f]{16}");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifiers")
  void identifiersAreRefusedNamingTheWireField(
      String field,
      String prefix,
      Function<String, Object> of,
      Supplier<Object> random,
      Class<?> type) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> of.apply(null))
        .withMessage(field + " is required");
    for (String bad : new String[] {"", "has space", "slash/in", "x".repeat(65), "é"}) {
      assertThatIllegalArgumentException()
          .as("'%s'", bad)
          .isThrownBy(() -> of.apply(bad))
          .withMessage(field + " must be 1 to 64 letters, digits or _.:- characters");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("identifiers")
  void identifiersArePlainStringsOnTheWire(
      String field,
      String prefix,
      Function<String, Object> of,
      Supplier<Object> random,
      Class<?> type) {
    Object id = of.apply("gh:owner.name_42-x");

    assertThat(JSON.writeValueAsString(id)).isEqualTo("\"gh:owner.name_42-x\"");
    assertThat(JSON.readValue("\"gh:owner.name_42-x\"", type)).isEqualTo(id);
    assertThat(id).hasToString("gh:owner.name_42-x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "t_3f9c0a1b2c3d4e5f", "A.b:c-d_e"})
  void wellShapedIdentifiersAreAccepted(String value) {
    assertThat(TaskId.of(value).value()).isEqualTo(value);
  }

  @Test
  void sixtyFourCharacterIdentifierIsAccepted() {
    assertThat(WorkerId.of("w".repeat(64)).value()).hasSize(64);
  }
}
