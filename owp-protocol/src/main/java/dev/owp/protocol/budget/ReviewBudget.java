package dev.owp.protocol.budget;

/**
 * The review-budget rule ({@code max_open_prs}).
 *
 * <p>Every task a worker holds (leased, in_progress, blocked or pr_opened) will become a pull
 * request, so each one takes a slot of its repository's budget from the moment it is leased until
 * it is merged, returned to the pool or cancelled. Counting only opened pull requests, as the
 * original did, let in-flight work overshoot the budget: a budget of 1 ended with 3 open PRs.
 */
public final class ReviewBudget {

  /** The default {@code max_open_prs} of a new repository. */
  public static final int DEFAULT_MAX_OPEN_PRS = 3;

  /** The largest {@code max_open_prs} accepted. */
  public static final int MAX_MAX_OPEN_PRS = 100;

  private ReviewBudget() {}

  /**
   * True when one more task may be leased in a repository.
   *
   * @param held the repository's held tasks
   * @param maxOpenPrs the budget; 0 means assign nothing
   */
  public static boolean admits(int held, int maxOpenPrs) {
    return held < maxOpenPrs;
  }

  /** True when the repository can take no more work: the dashboard calls it throttled. */
  public static boolean isThrottled(int held, int maxOpenPrs) {
    return !admits(held, maxOpenPrs);
  }
}
