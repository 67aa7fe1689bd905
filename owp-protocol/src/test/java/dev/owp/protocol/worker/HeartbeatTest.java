package dev.owp.protocol.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class HeartbeatTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);

  @Test
  void statusDefaultsToIdle() {
    assertThat(Heartbeat.of(null, null)).isEqualTo(new Heartbeat(WorkerStatus.IDLE, null));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{}                      | IDLE",
        "{\"status\":null}       | IDLE",
        "{\"status\":\"working\"} | WORKING",
        "{\"status\":\"PAUSED\"}  | PAUSED"
      })
  void wireStatusIsOptionalAndCaseInsensitive(String json, WorkerStatus expected) {
    assertThat(JSON.readValue(json, Heartbeat.class).status()).isEqualTo(expected);
  }

  @Test
  void unknownStatusIsRefusedListingTheValidOnes() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WorkerStatus.fromWire("sleeping"))
        .withMessage("unknown worker status 'sleeping'; expected one of idle, working, paused");
    assertThatThrownBy(() -> JSON.readValue("{\"status\":\"sleeping\"}", Heartbeat.class))
        .rootCause()
        .hasMessageContaining("unknown worker status 'sleeping'");
  }

  @Test
  void noteOf500CharactersIsAcceptedAndLongerIsRefused() {
    assertThat(Heartbeat.of(null, "n".repeat(500)).note()).hasSize(500);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Heartbeat.of(null, "n".repeat(501)))
        .withMessage("note must be at most 500 characters");
  }

  @Test
  void noteWithANulCharacterIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Heartbeat.of(null, "stuck\u0000"))
        .withMessage("note must not contain control characters (found U+0000)");
    assertThat(Heartbeat.of(null, "line 1\nline 2").note()).isEqualTo("line 1\nline 2");
  }

  @Test
  void statusIsRequiredByTheCanonicalConstructor() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Heartbeat(null, null))
        .withMessage("status is required");
  }

  @Test
  void workerStatusIsItsLowerCaseNameOnTheWire() {
    assertThat(JSON.writeValueAsString(new Heartbeat(WorkerStatus.PAUSED, "lunch")))
        .isEqualTo("{\"status\":\"paused\",\"note\":\"lunch\"}");
  }
}
