package dev.owp.poold.github;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The secrets of the GitHub integration, read from the environment and never logged: the API token
 * ({@code OWP_GITHUB_TOKEN}, else {@code GITHUB_TOKEN}) and the webhook secret ({@code
 * OWP_GITHUB_WEBHOOK_SECRET}).
 */
@Component
public class GithubCredentials {

  private final @Nullable String token;
  private final byte @Nullable [] webhookSecret;

  GithubCredentials(Environment env) {
    this.token = firstPresent(env.getProperty("owp.github-token"), env.getProperty("GITHUB_TOKEN"));
    String secret = firstPresent(env.getProperty("owp.github-webhook-secret"), null);
    this.webhookSecret = secret == null ? null : secret.getBytes(StandardCharsets.UTF_8);
  }

  /** The API token, if one is configured: without it poold does not poll GitHub. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
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
