package dev.owp.protocol.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RepoKeysTest {

  private static final String SHAPE =
      "repo must be a repository key such as demo or owner/name (letters, digits and ._/-)";

  @ParameterizedTest
  @CsvSource({
    "demo,                demo",
    "owner/name,          owner/name",
    "' owner/name  ',     owner/name",
    "My.Org_1/repo-name.js, My.Org_1/repo-name.js",
    "0xdead/beef,         0xdead/beef"
  })
  void acceptsNamesAndOwnerSlashName(String raw, String key) {
    assertThat(RepoKeys.require("repo", raw)).isEqualTo(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"my repo", "/demo", "-demo", ".hidden", "owner\\name", "demo?x=1", "dé"})
  void rejectsKeysOfAnotherShape(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoKeys.require("repo", raw))
        .withMessage(SHAPE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void rejectsBlankKeys(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoKeys.require("repo", raw))
        .withMessage("repo must be 1 to 200 characters");
  }

  @Test
  void rejectsAMissingKey() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoKeys.require("repo", null))
        .withMessage("repo is required");
  }

  @Test
  void acceptsUpTo200Characters() {
    assertThat(RepoKeys.require("repo", "r".repeat(200))).hasSize(200);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoKeys.require("repo", "r".repeat(201)))
        .withMessage("repo must be 1 to 200 characters");
  }

  @Test
  void messagesNameTheGivenField() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoKeys.require("tasks[3].repo", "my repo"))
        .withMessageStartingWith("tasks[3].repo must be a repository key");
  }
}
