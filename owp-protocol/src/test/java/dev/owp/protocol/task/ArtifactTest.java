package dev.owp.protocol.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.json.OwpJson.Strictness;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

class ArtifactTest {

  private static final JsonMapper JSON = OwpJson.mapper(Strictness.STRICT);
  private static final String PR = "https://github.com/owner/name/pull/42";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://github.com/owner/name/pull/42",
        "http://git.example.org/o/r/merge_requests/1",
        "HTTPS://github.com/o/r/pull/1",
        "https://127.0.0.1:8443/p?x=1#frag"
      })
  void httpAndHttpsUrlsAreAccepted(String url) {
    assertThat(Artifact.ofPullRequest(url).prUrl()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://example.org/patch",
        "github.com/o/r/pull/1",
        "not a url",
        "https://",
        "https:///no-host",
        "mailto:dev@example.org",
        "javascript:alert(1)",
        "https://example.org/a b"
      })
  void otherPullRequestUrlsAreRefusedNamingTheField(String url) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Artifact.ofPullRequest(url))
        .withMessage("pr_url must be an http(s) URL: '" + url + "'");
  }

  @Test
  void patchUrlIsCheckedUnderItsOwnName() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Artifact(null, null, "file:///etc/passwd", null))
        .withMessage("patch_url must be an http(s) URL: 'file:///etc/passwd'");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void blankUrlsMeanNone(String url) {
    Artifact artifact = new Artifact(url, null, url, null);

    assertThat(artifact.prUrl()).isNull();
    assertThat(artifact.patchUrl()).isNull();
    assertThat(artifact.isEmpty()).isTrue();
  }

  @Test
  void urlsAreStripped() {
    assertThat(Artifact.ofPullRequest("  " + PR + "\n").prUrl()).isEqualTo(PR);
  }

  @Test
  void urlsLongerThan2048CharactersAreRefused() {
    String url = "https://example.org/" + "x".repeat(2048 - 20);
    assertThat(Artifact.ofPullRequest(url).prUrl()).hasSize(2048);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Artifact.ofPullRequest(url + "y"))
        .withMessage("pr_url must be 1 to 2048 characters");
  }

  @ParameterizedTest
  @CsvSource({
    "abcd,                                     abcd",
    "ABCDEF12,                                 abcdef12",
    "' 3f9c0a1b2c3d4e5f3f9c0a1b2c3d4e5f3f9c0a1b ', 3f9c0a1b2c3d4e5f3f9c0a1b2c3d4e5f3f9c0a1b"
  })
  void commitShaIsNormalisedToLowerCaseHex(String raw, String sha) {
    assertThat(new Artifact(null, raw, null, null).commitSha()).isEqualTo(sha);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "xyz1", "g123456", "12 34", ""})
  void commitShaMustBe4To64HexDigits(String raw) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Artifact(null, raw, null, null))
        .withMessage("commit_sha must be 4 to 64 hex digits");
  }

  @Test
  void commitShaOf65DigitsIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Artifact(null, "a".repeat(65), null, null))
        .withMessage("commit_sha must be 4 to 64 hex digits");
  }

  @Test
  void extraHoldsAtMost32Entries() {
    assertThat(new Artifact(null, null, null, entries(32)).extra()).hasSize(32);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Artifact(null, null, null, entries(33)))
        .withMessage("extra must have at most 32 items");
  }

  @Test
  void controlCharactersAnywhereInExtraAreRefusedNamingThePath() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Artifact(null, null, null, Map.of("ci", "gr\u0000een")))
        .withMessage("extra.ci must not contain control characters (found U+0000)");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Artifact(null, null, null, Map.of("c\u0001i", "green")))
        .withMessage("extra keys must not contain control characters (found U+0001)");
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new Artifact(
                    null, null, null, Map.of("runs", List.of(Map.of("log", "ok"), "a\u0000"))))
        .withMessage("extra.runs[1] must not contain control characters (found U+0000)");
  }

  @Test
  void controlCharactersInExtraAreRefusedOnTheWire() {
    assertThatThrownBy(
            () ->
                JSON.readValue("{\"extra\": {\"ci\": {\"note\": \"a\\u0000b\"}}}", Artifact.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extra.ci.note must not contain control characters (found U+0000)");
  }

  @Test
  void tabsAndLineBreaksInExtraAreKept() {
    Map<String, Object> extra = Map.of("log", "line 1\n\tline 2\r\n");

    assertThat(new Artifact(null, null, null, extra).extra()).isEqualTo(extra);
  }

  @Test
  void extraIsCopied() {
    Map<String, Object> extra = new HashMap<>(Map.of("ci", "green"));
    Artifact artifact = new Artifact(null, null, null, extra);

    extra.put("later", 1);

    assertThat(artifact.extra()).containsOnlyKeys("ci");
    assertThatThrownBy(() -> artifact.extra().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void extraKeepsJsonNullValues() {
    // v0.1's extra was a free-form JSON object, where null is an ordinary value.
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("reviewer", null);

    Artifact artifact = new Artifact(null, null, null, extra);

    assertThat(artifact.extra()).containsEntry("reviewer", null);
  }

  @Test
  void updatedByNothingIsUnchanged() {
    Artifact artifact = new Artifact(PR, "abcd", null, Map.of("a", 1));

    assertThat(artifact.updatedBy(null)).isSameAs(artifact);
  }

  @Test
  void laterReportWithoutThePullRequestUrlKeepsIt() {
    // The original overwrote the artifact: reporting merged without the URL erased it.
    Artifact opened = Artifact.ofPullRequest(PR);

    Artifact merged = opened.updatedBy(new Artifact(null, "abcdef1", null, null));

    assertThat(merged).isEqualTo(new Artifact(PR, "abcdef1", null, null));
  }

  @Test
  void fieldsTheLaterReportGivesWin() {
    Artifact first = new Artifact(PR, "aaaa", "https://example.org/1.patch", null);
    Artifact later = new Artifact("https://github.com/owner/name/pull/43", "bbbb", null, null);

    assertThat(first.updatedBy(later))
        .isEqualTo(
            new Artifact(
                "https://github.com/owner/name/pull/43",
                "bbbb",
                "https://example.org/1.patch",
                null));
  }

  @Test
  void extrasAreMergedWithTheLaterValuesWinning() {
    Artifact first = new Artifact(null, null, null, Map.of("ci", "red", "reviewer", "bob"));
    Artifact later = new Artifact(null, null, null, Map.of("ci", "green", "coverage", 81));

    assertThat(first.updatedBy(later).extra())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("ci", "green", "reviewer", "bob", "coverage", 81));
  }

  @Test
  void noExtrasOnEitherSideStayNull() {
    assertThat(Artifact.ofPullRequest(PR).updatedBy(new Artifact(null, "abcd", null, null)).extra())
        .isNull();
  }

  @Test
  void emptyArtifactHasNoFieldSet() {
    assertThat(new Artifact(null, null, null, null).isEmpty()).isTrue();
    assertThat(new Artifact(null, null, null, Map.of()).isEmpty()).isTrue();
    assertThat(Artifact.ofPullRequest(PR).isEmpty()).isFalse();
    assertThat(new Artifact(null, "abcd", null, null).isEmpty()).isFalse();
    assertThat(new Artifact(null, null, null, Map.of("a", 1)).isEmpty()).isFalse();
  }

  @Test
  void badUrlOnTheWireIsRefusedNamingTheWireField() {
    assertThatThrownBy(() -> JSON.readValue("{\"pr_url\":\"ftp://x.org/p\"}", Artifact.class))
        .rootCause()
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pr_url must be an http(s) URL: 'ftp://x.org/p'");
  }

  @Test
  void serialisesOnlyItsFourWireFields() {
    assertThat(JSON.readTree(JSON.writeValueAsString(Artifact.ofPullRequest(PR))).propertyNames())
        .containsExactlyInAnyOrder("pr_url", "commit_sha", "patch_url", "extra");
  }

  @Test
  void artifactWrittenByAClientIsReadByAStrictServer() {
    StatusUpdate update =
        new StatusUpdate(TaskStatus.PR_OPENED, "opened", Artifact.ofPullRequest(PR), null);

    assertThat(JSON.readValue(JSON.writeValueAsString(update), StatusUpdate.class))
        .isEqualTo(update);
  }

  private static Map<String, Object> entries(int count) {
    return IntStream.range(0, count).boxed().collect(Collectors.toMap(i -> "k" + i, i -> i));
  }
}
