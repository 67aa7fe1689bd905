package dev.owp.poold.dashboard;

import dev.owp.protocol.task.TaskStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The task list's filters, as given in the query string: repository, status, required skill and a
 * piece of the title. Blank values mean "any". Control characters in a hand-edited URL are dropped,
 * as an over-long title search is cut: the page filters by what is left rather than failing.
 */
record TaskFilter(
    @Nullable String repo,
    @Nullable TaskStatus status,
    @Nullable String skill,
    @Nullable String title,
    @Nullable String cursor) {

  /** Longest title search accepted; longer input is cut. */
  static final int MAX_TITLE = 200;

  private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1F]");

  static TaskFilter of(
      @Nullable String repo,
      @Nullable String status,
      @Nullable String skill,
      @Nullable String title,
      @Nullable String cursor) {
    return new TaskFilter(
        blankToNull(repo),
        parseStatus(status),
        lowerOrNull(skill),
        cut(blankToNull(title)),
        blankToNull(cursor));
  }

  /** The status filter's wire name, or empty text for "any". */
  public String statusName() {
    return status == null ? "" : status.wireName();
  }

  /** True when any filter is set. */
  public boolean active() {
    return repo != null || status != null || skill != null || title != null;
  }

  /** The query string of this filter on the page after {@code nextCursor}. */
  public String hrefAfter(String nextCursor) {
    return href(nextCursor);
  }

  /** The query string of this filter on the first page. */
  public String hrefFirst() {
    return href(null);
  }

  private String href(@Nullable String pageCursor) {
    List<String> params = new ArrayList<>();
    add(params, "repo", repo);
    add(params, "status", status == null ? null : status.wireName());
    add(params, "skill", skill);
    add(params, "q", title);
    add(params, "cursor", pageCursor);
    return params.isEmpty() ? "/#tasks" : "/?" + String.join("&", params) + "#tasks";
  }

  private static void add(List<String> params, String name, @Nullable String value) {
    if (value != null) {
      params.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }

  private static @Nullable TaskStatus parseStatus(@Nullable String status) {
    String value = blankToNull(status);
    if (value == null) {
      return null;
    }
    try {
      return TaskStatus.fromWire(value);
    } catch (IllegalArgumentException e) {
      // An unknown status in a hand-edited URL filters nothing rather than failing the page.
      return null;
    }
  }

  private static @Nullable String lowerOrNull(@Nullable String value) {
    String text = blankToNull(value);
    return text == null ? null : text.toLowerCase(Locale.ROOT);
  }

  private static @Nullable String cut(@Nullable String value) {
    return value == null || value.length() <= MAX_TITLE ? value : value.substring(0, MAX_TITLE);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    String text = value == null ? null : CONTROL.matcher(value).replaceAll("");
    return text == null || text.isBlank() ? null : text.strip();
  }
}
