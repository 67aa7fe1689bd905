package dev.owp.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.repo.RepoConfig;
import org.junit.jupiter.api.Test;

class GoldenJsonTest {

  private static final String GOLDEN = "repo-config-request";

  @Test
  void matchingValuePasses() {
    GoldenJson.assertMatches(new RepoConfig("owner/name", 2, true), GOLDEN);
    GoldenJson.assertMatches(new RepoConfig("owner/name", 2, true), GOLDEN + ".json");
  }

  @Test
  void fieldOrderAndWhiteSpaceDoNotMatter() {
    GoldenJson.assertJsonMatches(
        "{\"area_locks_enabled\":true,   \"max_open_prs\":2,\n\"repo\":\"owner/name\"}", GOLDEN);
  }

  @Test
  void differentValueFails() {
    assertThatThrownBy(
            () -> GoldenJson.assertMatches(new RepoConfig("owner/name", 3, true), GOLDEN))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("/golden/repo-config-request.json");
  }

  @Test
  void missingFieldFails() {
    assertThatThrownBy(
            () ->
                GoldenJson.assertJsonMatches(
                    "{\"repo\":\"owner/name\",\"max_open_prs\":2}", GOLDEN))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void extraFieldFails() {
    assertThatThrownBy(
            () ->
                GoldenJson.assertJsonMatches(
                    "{\"repo\":\"owner/name\",\"max_open_prs\":2,"
                        + "\"area_locks_enabled\":true,\"x\":null}",
                    GOLDEN))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void omittedNullIsNotTheSameAsAWrittenNull() {
    String withoutNulls = GoldenJson.read("work-list").toString().replace(",\"message\":null", "");
    assertThat(withoutNulls).doesNotContain("\"message\"");

    assertThatThrownBy(() -> GoldenJson.assertJsonMatches(withoutNulls, "work-list"))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void readGivesTheParsedFile() {
    assertThat(GoldenJson.read(GOLDEN).get("max_open_prs").asInt()).isEqualTo(2);
  }

  @Test
  void unknownGoldenFileIsReportedByPath() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> GoldenJson.read("no-such-file"))
        .withMessage("no golden file /golden/no-such-file.json on the class path");
  }
}
