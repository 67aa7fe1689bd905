package dev.owp.poold.github;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The secrets of the GitHub integration, read from the environment and never logged: the API token
 * ({@code OWP_GITHUB_TOKEN}, else {@code GITHUB_TOKEN}), tokens for single repositories ({@code
 * OWP_GITHUB_REPO_TOKENS=owner/name=TOKEN,other/repo=TOKEN}, which win for their repository) and
 * the webhook secret ({@code OWP_GITHUB_WEBHOOK_SECRET}).
 */
@Component
public class GithubCredentials {

  private final @Nullable String token;
  private final Map<String, String> repoTokens;
  private final byte @Nullable [] webhookSecret;

  GithubCredentials(Environment env) {
    this.token = firstPresent(env.getProperty("owp.github-token"), env.getProperty("GITHUB_TOKEN"));
    this.repoTokens = parseRepoTokens(env.getProperty("owp.github-repo-tokens"));
    String secret = firstPresent(env.getProperty("owp.github-webhook-secret"), null);
    this.webhookSecret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  /** True when some token is configured: without one poold does not call GitHub. */
  public boolean any() {
    return token != null || !repoTokens.isEmpty();
  }

  /** The token for {@code repo} (owner/name): its own, else the general one. */
  public Optional<String> token(String repo) {
    String own = repoTokens.get(repo.toLowerCase(Locale.ROOT));
    return Optional.ofNullable(own != null ? own : token);
  }

  private static Map<String, String> parseRepoTokens(@Nullable String setting) {
    Map<String, String> tokens = new HashMap<>();
    if (setting == null || setting.isBlank()) {
      return tokens;
    }
    for (String entry : setting.split(",")) {
      int equals = entry.indexOf('=');
      if (equals < 1 || equals == entry.length() - 1) {
        // Never echo the entry: it holds a token.
        throw new IllegalArgumentException(
            "OWP_GITHUB_REPO_TOKENS entries must be owner/name=TOKEN, separated by commas");
      }
      tokens.put(
          entry.substring(0, equals).strip().toLowerCase(Locale.ROOT),
          entry.substring(equals + 1).strip());
    }
    return tokens;
  }

  /** The webhook secret; without it the webhook endpoint refuses every request. */
  byte @Nullable [] webhookSecret() {
    return webhookSecret == null ? null : webhookSecret.clone();
  }

  private static @Nullable String firstPresent(@Nullable String first, @Nullable String second) {
    if (first != null && !first.isBlank()) {
      return first.strip();
    }
    return second == null || second.isBlank() ? null : second.strip();
  }
}
