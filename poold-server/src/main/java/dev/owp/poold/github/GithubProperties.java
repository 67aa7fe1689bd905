package dev.owp.poold.github;

import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * GitHub settings ({@code owp.github.*}). The token and the webhook secret are not components: a
 * record's {@code toString()} would print them; {@link GithubCredentials} reads them.
 *
 * @param apiUrl the REST API's base URL: {@code https://api.github.com}, a GitHub Enterprise {@code
 *     https://HOST/api/v3}, or a fake in tests ({@code --github-api-url})
 * @param poll how often a followed pull request is asked for again ({@code --github-poll})
 * @param writeBack repositories (owner/name) whose issues get comments, or {@code *} for all
 *     ({@code --github-write-back})
 * @param importLabels labels the importer is run with besides {@link #DEFAULT_IMPORT_LABEL} ({@code
 *     --github-import-labels}): an issue losing one of them withdraws its task
 */
@ConfigurationProperties("owp.github")
public record GithubProperties(
    @DefaultValue("https://api.github.com") URI apiUrl,
    @DurationUnit(ChronoUnit.SECONDS) @DefaultValue("60") Duration poll,
    @DefaultValue List<String> writeBack,
    @DefaultValue List<String> importLabels) {

  /** The label {@code pool admin import-github-issues} imports by default. */
  public static final String DEFAULT_IMPORT_LABEL = "pool:ready";

  /** Normalises the repository names and checks the interval. */
  public GithubProperties {
    if (poll.isNegative() || poll.isZero()) {
      throw new IllegalArgumentException("github-poll must be positive, got " + poll.toSeconds());
    }
    writeBack =
        writeBack.stream()
            .map(String::strip)
            .filter(repo -> !repo.isEmpty())
            .map(repo -> repo.toLowerCase(Locale.ROOT))
            .toList();
    importLabels =
        importLabels.stream().map(String::strip).filter(label -> !label.isEmpty()).toList();
  }

  /**
   * True when {@code label} is one the importer selects issues by: {@code pool:ready} or one of
   * {@code importLabels}, ignoring case as GitHub does.
   */
  public boolean isImportLabel(String label) {
    String name = label.strip();
    return name.equalsIgnoreCase(DEFAULT_IMPORT_LABEL)
        || importLabels.stream().anyMatch(name::equalsIgnoreCase);
  }

  /** True when issues of {@code repo} get write-back comments. */
  public boolean writesBackTo(String repo) {
    return writeBack.contains("*") || writeBack.contains(repo.toLowerCase(Locale.ROOT));
  }

  /** True when any repository gets write-back comments. */
  public boolean writesBack() {
    return !writeBack.isEmpty();
  }
}
