package dev.owp.protocol.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RepoConfigTest {

  @Test
  void budgetDefaultsToThreeAndAreaLocksToOn() {
    assertThat(RepoConfig.of("demo", null, null)).isEqualTo(new RepoConfig("demo", 3, true));
  }

  @Test
  void nullsOnTheWireTakeTheDefaults() {
    assertThat(
            OwpJson.mapper(Strictness.STRICT)
                .readValue(
                    "{\"repo\":\"demo\",\"max_open_prs\":null,\"area_locks_enabled\":null}",
                    RepoConfig.class))
        .isEqualTo(new RepoConfig("demo", 3, true));
  }

  @Test
  void explicitValuesWin() {
    assertThat(RepoConfig.of(" owner/name ", 0, false))
        .isEqualTo(new RepoConfig("owner/name", 0, false));
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 101})
  void budgetMustBeBetweenZeroAndOneHundred(int maxOpenPrs) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoConfig.of("demo", maxOpenPrs, null))
        .withMessage("max_open_prs must be between 0 and 100");
  }

  @Test
  void repoIsRequired() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RepoConfig.of(null, 3, true))
        .withMessage("repo is required");
  }
}
