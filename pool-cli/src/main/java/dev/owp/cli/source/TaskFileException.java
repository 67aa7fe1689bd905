package dev.owp.cli.source;

import java.util.List;

/** A task file that cannot be imported, with every problem found, one per line. */
public final class TaskFileException extends Exception {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  /** The problems, each naming the file, the entry and the field. */
  public TaskFileException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** The problems, one per entry and field. */
  public List<String> problems() {
    return problems;
  }
}
