package dev.owp.protocol.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import org.junit.jupiter.api.Test;

class RegisteredWorkerTest {

  private static final String TOKEN = "owp_s3cr3t-t0ken-value";

  @Test
  void toStringHidesTheToken() {
    RegisteredWorker registered = new RegisteredWorker(WorkerId.of("w_0a1b"), TOKEN);

    assertThat(registered.toString())
        .doesNotContain(TOKEN)
        .contains("w_0a1b")
        .contains("(redacted)");
  }

  @Test
  void theTokenIsStillSentOnTheWireThisOnce() {
    RegisteredWorker registered = new RegisteredWorker(WorkerId.of("w_0a1b"), TOKEN);

    assertThat(OwpJson.mapper(Strictness.STRICT).writeValueAsString(registered))
        .isEqualTo("{\"worker_id\":\"w_0a1b\",\"token\":\"" + TOKEN + "\"}");
  }
}
