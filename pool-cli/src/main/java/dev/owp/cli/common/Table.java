package dev.owp.cli.common;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A plain-text table with a header row, columns padded to their widest cell. */
public final class Table {

  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  /** A table with these column headers. */
  public static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  /** Adds a row; null cells show as {@code -}, collections as comma lists, instants to seconds. */
  public Table row(@Nullable Object... cells) {
    List<String> row = new ArrayList<>();
    for (Object cell : cells) {
      row.add(text(cell));
    }
    rows.add(row);
    return this;
  }

  /** True when no row was added. */
  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** The table as lines, without trailing spaces. */
  public List<String> lines() {
    int[] widths = new int[headers.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headers.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    List<String> lines = new ArrayList<>();
    lines.add(line(headers, widths));
    for (List<String> row : rows) {
      lines.add(line(row, widths));
    }
    return lines;
  }

  /** Prints the table, under {@code title} when it is not null. */
  public void print(PrintWriter out, @Nullable String title) {
    if (title != null) {
      out.println(title);
    }
    lines().forEach(out::println);
    out.flush();
  }

  /** Cuts {@code text} to {@code max} characters, marking the cut. */
  public static String cut(@Nullable String text, int max) {
    if (text == null) {
      return "-";
    }
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String line(List<String> cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      line.append(i == 0 ? "" : "  ").append(cells.get(i));
      if (i < cells.size() - 1) {
        line.append(" ".repeat(widths[i] - cells.get(i).length()));
      }
    }
    return line.toString().stripTrailing();
  }

  private static String text(@Nullable Object cell) {
    if (cell == null) {
      return "-";
    }
    if (cell instanceof Instant instant) {
      return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
    if (cell instanceof Collection<?> items) {
      return items.isEmpty() ? "-" : String.join(",", items.stream().map(String::valueOf).toList());
    }
    String text = cell.toString().replaceAll("\\s+", " ").strip();
    return text.isEmpty() ? "-" : text;
  }
}
