package dev.owp.protocol.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Timestamps on the wire: ISO-8601 in UTC with millisecond precision and an explicit offset, e.g.
 * {@code 2026-01-17T12:34:56.123+00:00}, the form v0.1 produced. Parsing also accepts {@code Z} and
 * other offsets.
 */
public final class WireTime {

  private static final DateTimeFormatter FORMAT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSxxx").withZone(ZoneOffset.UTC);

  private WireTime() {}

  /** Formats an instant for the wire. */
  public static String format(Instant instant) {
    return FORMAT.format(instant);
  }

  /**
   * Parses a wire timestamp.
   *
   * @throws IllegalArgumentException when {@code text} is not an ISO-8601 date-time with offset
   */
  public static Instant parse(String text) {
    try {
      return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.trim(), Instant::from);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "expected an ISO-8601 timestamp such as 2026-01-17T12:34:56.123+00:00, got '"
              + text
              + "'");
    }
  }
}
