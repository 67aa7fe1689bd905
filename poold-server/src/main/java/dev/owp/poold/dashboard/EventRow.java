package dev.owp.poold.dashboard;

import dev.owp.protocol.event.EventView;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One audit log entry as the dashboard prints it.
 *
 * @param details the event's details as {@code name: value} pairs, e.g. "from: leased, to:
 *     pr_opened"
 */
record EventRow(EventView event, String details, String ago) {

  static EventRow of(EventView event, Instant now) {
    return new EventRow(event, format(event.details()), Ago.text(event.ts(), now));
  }

  /** The event type's family, for colouring: {@code task}, {@code worker} or {@code repo}. */
  public String family() {
    String wire = event.type().wireName();
    return wire.substring(0, wire.indexOf('.'));
  }

  private static String format(Map<String, Object> details) {
    return details.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", "));
  }
}
