package dev.owp.poold.dashboard;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /live}: the dashboard's Server-Sent Events. Each {@code change} message carries the
 * newest event id and the tasks that changed; the page then fetches its own changed parts.
 */
@RestController
class LiveController {

  private final LiveFeed feed;

  LiveController(LiveFeed feed) {
    this.feed = feed;
  }

  /**
   * Subscribes. {@code after} is the newest event id the page was rendered with; a reconnecting
   * browser's {@code Last-Event-ID} takes precedence.
   */
  @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter live(
      @RequestParam(defaultValue = "0") long after,
      @RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventId) {
    return feed.subscribe(parse(lastEventId, after));
  }

  private static long parse(@Nullable String lastEventId, long fallback) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(lastEventId.strip());
    } catch (NumberFormatException e) {
      // Not an id this server sent: start from the page's own.
      return fallback;
    }
  }
}
