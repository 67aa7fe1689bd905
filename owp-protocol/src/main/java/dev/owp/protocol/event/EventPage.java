package dev.owp.protocol.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page of events, newest first. Pass {@code next_cursor} back as {@code cursor} for older events;
 * it is null on the last page.
 */
public record EventPage(List<EventView> events, @Nullable String nextCursor) {

  /** Copies the events. */
  public EventPage {
    events = List.copyOf(events);
  }
}
