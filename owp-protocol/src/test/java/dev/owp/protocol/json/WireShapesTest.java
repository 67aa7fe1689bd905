package dev.owp.protocol.json;

import static dev.owp.protocol.testing.GoldenRecords.ADMIN_STATE;
import static dev.owp.protocol.testing.GoldenRecords.HEARTBEAT_ACK;
import static dev.owp.protocol.testing.GoldenRecords.HEARTBEAT_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.REGISTER_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.REGISTER_RESPONSE;
import static dev.owp.protocol.testing.GoldenRecords.REPO_CONFIG_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.STATUS_UPDATE_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.STATUS_UPDATE_REQUEST_V01;
import static dev.owp.protocol.testing.GoldenRecords.TASK_SPEC_REQUEST;
import static dev.owp.protocol.testing.GoldenRecords.WORK_LIST;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.json.OwpJson.Strictness;
import dev.owp.protocol.task.TaskSpec;
import dev.owp.protocol.testing.GoldenJson;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire shapes of v0.1 (plus the fields added since), pinned by the golden files that the server
 * and command-line tests assert too.
 */
class WireShapesTest {

  /** Messages whose serialisation must equal their golden file. */
  static Stream<Arguments> serialised() {
    return Stream.of(
        Arguments.of("register-request", REGISTER_REQUEST),
        Arguments.of("register-response", REGISTER_RESPONSE),
        Arguments.of("heartbeat-request", HEARTBEAT_REQUEST),
        Arguments.of("heartbeat-ack", HEARTBEAT_ACK),
        Arguments.of("work-list", WORK_LIST),
        Arguments.of("repo-config-request", REPO_CONFIG_REQUEST),
        Arguments.of("task-spec-request", TASK_SPEC_REQUEST),
        Arguments.of("admin-state", ADMIN_STATE));
  }

  /** Every golden file and the record it holds. */
  static Stream<Arguments> deserialised() {
    return Stream.concat(
        serialised(),
        Stream.of(
            Arguments.of("status-update-request", STATUS_UPDATE_REQUEST),
            Arguments.of("status-update-request-v01", STATUS_UPDATE_REQUEST_V01)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serialised")
  void serialisationMatchesTheGoldenFile(String golden, Object message) {
    GoldenJson.assertMatches(message, golden);
  }

  @Test
  void statusUpdateSerialisationMatchesTheGoldenFile() {
    GoldenJson.assertMatches(STATUS_UPDATE_REQUEST, "status-update-request");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deserialised")
  void strictServerReadsTheGoldenFileAsTheRecord(String golden, Object message) {
    assertThat(GoldenJson.readAs(golden, message.getClass())).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deserialised")
  void lenientClientReadsTheGoldenFileAsTheRecord(String golden, Object message) {
    assertThat(
            OwpJson.mapper(Strictness.LENIENT)
                .readValue(GoldenJson.text(golden), message.getClass()))
        .isEqualTo(message);
  }

  @Test
  void leaseViewKeepsEveryV01Field() {
    assertThat(GoldenJson.read("work-list").get("leases").get(0).propertyNames())
        .contains(
            "task_id",
            "repo",
            "title",
            "description",
            "estimate_points",
            "priority",
            "area",
            "tier",
            "required_skills",
            "lease_expires_at");
  }

  @Test
  void nullFieldsAreWrittenOutNotOmitted() {
    TaskSpec bare = new TaskSpec("demo", "t", null, 1, 10, List.of(), null, 0, null);

    assertThat(OwpJson.mapper(Strictness.STRICT).writeValueAsString(bare))
        .contains("\"description\":null", "\"area\":null", "\"key\":null");
  }
}
