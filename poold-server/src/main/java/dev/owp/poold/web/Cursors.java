package dev.owp.poold.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;

/**
 * Opaque keyset-paging cursors: "a place, not a position". A cursor encodes the key of the last row
 * of a page, so the next page starts right after it however many rows were added meanwhile.
 */
public final class Cursors {

  private static final String PREFIX = "k1:";

  private Cursors() {}

  /** The cursor after the row with key {@code key}. */
  public static String after(long key) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key a cursor stands for, or null when there is no cursor (first page).
   *
   * @throws ApiException 400 when the cursor was not made by {@link #after}
   */
  public static @Nullable Long key(@Nullable String cursor) {
    if (cursor == null || cursor.isBlank()) {
      return null;
    }
    try {
      String text =
          new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
      if (text.startsWith(PREFIX)) {
        return Long.parseLong(text.substring(PREFIX.length()));
      }
    } catch (IllegalArgumentException e) {
      // Reported below like any other cursor we did not make.
    }
    throw ApiException.invalid("cursor: not a cursor this server gave out");
  }
}
