package dev.owp.poold.github;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The pull request a reported URL points at, whatever its form. */
class PullRequestRefTest {

  @ParameterizedTest
  @CsvSource({
    "https://github.com/Acme/App/pull/12,          acme/app#12",
    "https://github.com/acme/app/pull/12/files,    acme/app#12",
    "https://github.example.com/acme/app/pull/7/,  acme/app#7",
    "https://api.github.com/repos/acme/app/pulls/3, acme/app#3",
    "https://ghe.example.com/api/v3/repos/acme/app/pulls/4, acme/app#4",
  })
  void readsOwnerNameAndNumber(String url, String key) {
    PullRequestRef ref = PullRequestRef.parse(url).orElseThrow();
    assertThat(ref.key()).isEqualTo(key);
    assertThat(PullRequestRef.ofKey(ref.key())).isEqualTo(ref);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://github.com/acme/app/issues/12",
        "https://github.com/acme/app",
        "https://gitlab.com/acme/app/-/merge_requests/3",
        "not a url at all",
      })
  void otherUrlsAreNotFollowed(String url) {
    assertThat(PullRequestRef.parse(url)).isEmpty();
  }
}
