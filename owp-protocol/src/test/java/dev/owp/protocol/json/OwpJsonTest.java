package dev.owp.protocol.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson.Strictness;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.WorkerRegistration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class OwpJsonTest {

  private static final JsonMapper STRICT = OwpJson.mapper(Strictness.STRICT);
  private static final JsonMapper LENIENT = OwpJson.mapper(Strictness.LENIENT);

  private static final String ACK_WITH_NEW_FIELD =
      "{\"ok\":true,\"server_time\":\"2026-01-17T12:34:56.123+00:00\","
          + "\"leases_granted\":1,\"leases_held\":2,\"added_in_v0_3\":{\"x\":[1]}}";

  @Test
  void strictMapperRefusesUnknownFieldsNamingThem() {
    assertThatThrownBy(
            () -> STRICT.readValue("{\"repo\":\"demo\",\"max_open_pr\":1}", RepoConfig.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("max_open_pr");
  }

  @Test
  void strictMapperRefusesCamelCaseNames() {
    assertThatThrownBy(
            () -> STRICT.readValue("{\"repo\":\"demo\",\"maxOpenPrs\":1}", RepoConfig.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("maxOpenPrs");
  }

  @Test
  void lenientMapperIgnoresUnknownFields() {
    assertThat(LENIENT.readValue(ACK_WITH_NEW_FIELD, HeartbeatAck.class))
        .isEqualTo(new HeartbeatAck(true, Instant.parse("2026-01-17T12:34:56.123Z"), 1, 2));
  }

  @Test
  void strictMapperRefusesTheSameFieldsTheLenientOneIgnores() {
    assertThatThrownBy(() -> STRICT.readValue(ACK_WITH_NEW_FIELD, HeartbeatAck.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("added_in_v0_3");
  }

  @ParameterizedTest
  @EnumSource(Strictness.class)
  void nullForANumberWithADefaultTakesTheDefault(Strictness strictness) {
    TaskSpec spec =
        OwpJson.mapper(strictness)
            .readValue(
                "{\"repo\":\"demo\",\"title\":\"t\",\"priority\":null,\"estimate_points\":null}",
                TaskSpec.class);

    assertThat(spec.priority()).isEqualTo(TaskSpec.DEFAULT_PRIORITY);
    assertThat(spec.estimatePoints()).isEqualTo(TaskSpec.DEFAULT_ESTIMATE_POINTS);
  }

  @ParameterizedTest
  @EnumSource(Strictness.class)
  void nullForANumberWithoutADefaultIsRefused(Strictness strictness) {
    String json =
        "{\"ok\":true,\"server_time\":\"2026-01-17T12:34:56Z\","
            + "\"leases_granted\":null,\"leases_held\":2}";

    assertThatThrownBy(() -> OwpJson.mapper(strictness).readValue(json, HeartbeatAck.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("leases_granted");
  }

  @Test
  void fractionalNumberIsNotTruncatedIntoAnInteger() {
    assertThatThrownBy(
            () ->
                STRICT.readValue(
                    "{\"name\":\"w\",\"capacity_points\":2.5}", WorkerRegistration.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void trailingContentAfterTheDocumentIsRefused() {
    assertThatThrownBy(() -> STRICT.readValue("{\"repo\":\"demo\"} {}", RepoConfig.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void validationFailuresSurfaceWithTheWireFieldInTheMessage() {
    assertThatThrownBy(
            () -> STRICT.readValue("{\"repo\":\"demo\",\"max_open_prs\":101}", RepoConfig.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining("max_open_prs must be between 0 and 100")
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max_open_prs must be between 0 and 100");
  }

  @Test
  void fieldNamesAreSnakeCase() {
    assertThat(STRICT.writeValueAsString(new RepoConfig("demo", 1, false)))
        .isEqualTo("{\"repo\":\"demo\",\"max_open_prs\":1,\"area_locks_enabled\":false}");
  }

  @Test
  void instantsAreWrittenAsWireTimeWhateverTheDefaultTimeZone() {
    // Surefire runs with -Duser.timezone=Europe/Brussels: the offset must still be +00:00.
    assertThat(STRICT.writeValueAsString(Instant.parse("2026-07-01T08:00:00Z")))
        .isEqualTo("\"2026-07-01T08:00:00.000+00:00\"");
  }

  @Test
  void instantsAreReadWithAnyOffset() {
    assertThat(STRICT.readValue("\"2026-01-17T14:34:56.123+02:00\"", Instant.class))
        .isEqualTo(Instant.parse("2026-01-17T12:34:56.123Z"));
    assertThat(STRICT.readValue("\"2026-01-17T12:34:56Z\"", Instant.class))
        .isEqualTo(Instant.parse("2026-01-17T12:34:56Z"));
  }

  @Test
  void badTimestampIsRefusedWithAnExample() {
    String json =
        "{\"ok\":true,\"server_time\":\"yesterday\",\"leases_granted\":1,\"leases_held\":2}";

    assertThatThrownBy(() -> LENIENT.readValue(json, HeartbeatAck.class))
        .isInstanceOf(JacksonException.class)
        .hasMessageContaining(
            "expected an ISO-8601 timestamp such as 2026-01-17T12:34:56.123+00:00")
        .hasMessageContaining("'yesterday'");
  }

  @Test
  void timestampMustBeAString() {
    String json = "{\"ok\":true,\"server_time\":1768653296,\"leases_granted\":1,\"leases_held\":2}";

    assertThatThrownBy(() -> LENIENT.readValue(json, HeartbeatAck.class))
        .isInstanceOf(JacksonException.class);
  }

  @Test
  void enumsAreWrittenByWireName() {
    assertThat(STRICT.writeValueAsString(TaskStatus.IN_PROGRESS)).isEqualTo("\"in_progress\"");
  }

  @Test
  void configureAppliesTheSameConventionsToAnotherBuilder() {
    JsonMapper custom = OwpJson.configure(JsonMapper.builder(), Strictness.STRICT).build();

    assertThat(custom.writeValueAsString(new RepoConfig("demo", 1, true)))
        .isEqualTo("{\"repo\":\"demo\",\"max_open_prs\":1,\"area_locks_enabled\":true}");
    assertThatThrownBy(() -> custom.readValue("{\"repo\":\"demo\",\"x\":1}", RepoConfig.class))
        .isInstanceOf(JacksonException.class);
  }
}
