package dev.owp.poold.dashboard;

import dev.owp.poold.auth.AdminToken;
import dev.owp.poold.repo.RepoService;
import dev.owp.poold.task.TaskAdmin;
import dev.owp.poold.web.ApiException;
import dev.owp.poold.worker.WorkerRegistry;
import dev.owp.protocol.repo.RepoConfig;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.PausedBy;
import dev.owp.protocol.worker.TierChange;
import dev.owp.protocol.worker.WorkerId;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin}: the dashboard's admin sign-in and its forms. The admin token is entered once per
 * session; every POST must carry the session's CSRF token, and every action but signing in needs a
 * signed-in session. Each action is the same service call the JSON API makes, so it is checked,
 * recorded in the audit log and announced to live pages the same way. After an action the browser
 * is sent back to the page it came from, with a notice.
 */
@Controller
@RequestMapping("/admin")
class AdminController {

  // Only a path on this server: "/x", never "//host" or "/\host".
  private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[^\\s\\\\]*");

  private final AdminToken adminToken;
  private final RepoService repos;
  private final TaskAdmin tasks;
  private final WorkerRegistry workers;

  AdminController(
      AdminToken adminToken, RepoService repos, TaskAdmin tasks, WorkerRegistry workers) {
    this.adminToken = adminToken;
    this.repos = repos;
    this.tasks = tasks;
    this.workers = workers;
  }

  /** The sign-in form (or, once signed in, the sign-out button). */
  @GetMapping
  String signInForm(HttpServletRequest request, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("admin", AdminSession.start(request));
    return "dashboard/admin";
  }

  @PostMapping("/sign-in")
  String signIn(
      @RequestParam(required = false) @Nullable String token,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    requireCsrf(request, csrf);
    if (token == null || token.isBlank() || !adminToken.matches(token.strip())) {
      response.setStatus(HttpStatus.UNAUTHORIZED.value());
      model.addAttribute("problem", "That is not the admin token.");
      return "dashboard/admin";
    }
    AdminSession.signIn(request);
    redirect.addFlashAttribute("notice", "Signed in as admin.");
    return "redirect:/";
  }

  @PostMapping("/sign-out")
  String signOut(
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      HttpServletRequest request) {
    requireCsrf(request, csrf);
    AdminSession.signOut(request);
    return "redirect:/";
  }

  @PostMapping("/repos")
  String saveRepo(
      @RequestParam(required = false) @Nullable String repo,
      @RequestParam(name = "max_open_prs", required = false) @Nullable String maxOpenPrs,
      @RequestParam(name = "area_locks", required = false) @Nullable String areaLocks,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    requireAdmin(request, csrf);
    return act(
        redirect,
        back,
        () -> {
          RepoConfig config =
              RepoConfig.of(repo, parseInt("max_open_prs", maxOpenPrs), areaLocks != null);
          repos.upsert(config);
          return "Saved "
              + config.repo()
              + ": budget "
              + config.maxOpenPrs()
              + ", area locks "
              + (config.areaLocksEnabled() ? "on" : "off")
              + ".";
        });
  }

  @PostMapping("/tasks/{taskId}/requeue")
  String requeue(
      @PathVariable String taskId,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    requireAdmin(request, csrf);
    return act(
        redirect,
        back,
        () -> {
          TaskId id = TaskId.of(taskId);
          tasks.requeue(id, Reason.of(reason));
          return "Requeued " + id + ".";
        });
  }

  @PostMapping("/tasks/{taskId}/cancel")
  String cancel(
      @PathVariable String taskId,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    requireAdmin(request, csrf);
    return act(
        redirect,
        back,
        () -> {
          TaskId id = TaskId.of(taskId);
          tasks.cancel(id, Reason.of(reason));
          return "Cancelled " + id + ".";
        });
  }

  @PostMapping("/workers/{workerId}/pause")
  String pause(
      @PathVariable String workerId,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    requireAdmin(request, csrf);
    return act(
        redirect,
        back,
        () -> {
          WorkerId id = WorkerId.of(workerId);
          workers.pause(id, PausedBy.ADMIN, Reason.of(reason));
          return "Paused " + id + ".";
        });
  }

  @PostMapping("/workers/{workerId}/resume")
  String resume(
      @PathVariable String workerId,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    requireAdmin(request, csrf);
    return act(
        redirect,
        back,
        () -> {
          WorkerId id = WorkerId.of(workerId);
          workers.resume(id, PausedBy.ADMIN);
          return "Resumed " + id + ".";
        });
  }

  @PostMapping("/workers/{workerId}/tier")
  String setTier(
      @PathVariable String workerId,
      @RequestParam(required = false) @Nullable String tier,
      @RequestParam(required = false) @Nullable String reason,
      @RequestParam(name = AdminSession.CSRF_FIELD, required = false) @Nullable String csrf,
      @RequestParam(required = false) @Nullable String back,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    requireAdmin(request, csrf);
    return act(
        redirect,
        back,
        () -> {
          WorkerId id = WorkerId.of(workerId);
          TierChange change = TierChange.of(parseInt("tier", tier), reason);
          workers.setTier(id, change);
          return "Set " + id + " to trust tier " + change.tier() + ".";
        });
  }

  /** A refused form: no session, a wrong CSRF token, or not signed in. */
  @ExceptionHandler(FormRefused.class)
  String refused(FormRefused e, Model model, HttpServletResponse response) {
    response.setStatus(HttpStatus.FORBIDDEN.value());
    model.addAttribute("status", HttpStatus.FORBIDDEN.getReasonPhrase());
    model.addAttribute("message", e.getMessage());
    return "dashboard/refused";
  }

  private static void requireCsrf(HttpServletRequest request, @Nullable String csrf) {
    if (!AdminSession.of(request).csrfMatches(csrf)) {
      throw new FormRefused(
          "This form is out of date or did not come from this dashboard. Reload the page and try"
              + " again.");
    }
  }

  private static void requireAdmin(HttpServletRequest request, @Nullable String csrf) {
    requireCsrf(request, csrf);
    if (!AdminSession.of(request).signedIn()) {
      throw new FormRefused("Admin actions need the admin token: sign in first.");
    }
  }

  /** Runs an action; a refusal (bad input, a task in the wrong state) becomes the notice. */
  private static String act(
      RedirectAttributes redirect, @Nullable String back, Supplier<String> action) {
    try {
      redirect.addFlashAttribute("notice", action.get());
    } catch (ApiException | IllegalArgumentException e) {
      redirect.addFlashAttribute("problem", e.getMessage());
    }
    return "redirect:" + (back != null && LOCAL_PATH.matcher(back).matches() ? back : "/");
  }

  private static int parseInt(String field, @Nullable String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a whole number, not '" + value + "'");
    }
  }

  /** Why a form was refused before anything was done. */
  static final class FormRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FormRefused(String message) {
      super(message, null, false, false);
    }
  }
}
