package dev.owp.poold.dashboard;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Relative times as the dashboard prints them: "12 s ago", "5 min ago", "3 h ago", "2 d ago". */
final class Ago {

  private Ago() {}

  static String text(@Nullable Instant then, Instant now) {
    if (then == null) {
      return "never";
    }
    long seconds = Math.max(0, Duration.between(then, now).toSeconds());
    if (seconds < 60) {
      return seconds + " s ago";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min ago";
    }
    if (seconds < 48 * 3600) {
      return seconds / 3600 + " h ago";
    }
    return seconds / 86400 + " d ago";
  }
}
