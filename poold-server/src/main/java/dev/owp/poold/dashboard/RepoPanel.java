package dev.owp.poold.dashboard;

import dev.owp.protocol.repo.RepoView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A repository with its review budget drawn as a bar and the area locks it holds.
 *
 * @param inFlightPercent width of the "in flight" part of the bar (held, not yet a pull request)
 * @param openPercent width of the "open pull requests" part of the bar
 */
record RepoPanel(RepoView repo, int inFlightPercent, int openPercent, List<HeldLock> locks) {

  /** One held area lock: the area, the task holding it and that task's worker. */
  record HeldLock(String area, String taskId, @Nullable String workerId) {}

  static RepoPanel of(RepoView repo, List<HeldLock> locks) {
    int max = repo.maxOpenPrs();
    int open = Math.min(repo.openPrs(), repo.held());
    int inFlight = repo.held() - open;
    if (max <= 0) {
      return new RepoPanel(repo, repo.held() > 0 ? 100 : 0, 0, locks);
    }
    int openPercent = percent(open, max);
    int inFlightPercent = Math.min(100 - openPercent, percent(inFlight, max));
    return new RepoPanel(repo, inFlightPercent, openPercent, List.copyOf(locks));
  }

  private static int percent(int part, int whole) {
    return Math.min(100, (int) Math.round(100.0 * part / whole));
  }

  /** "2 in flight + 1 open of 3". */
  public String budgetText() {
    return (repo.held() - repo.openPrs())
        + " in flight + "
        + repo.openPrs()
        + " open of "
        + repo.maxOpenPrs();
  }
}
