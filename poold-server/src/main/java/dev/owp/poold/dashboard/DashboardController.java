package dev.owp.poold.dashboard;

import dev.owp.poold.web.ApiException;
import dev.owp.protocol.task.TaskId;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code GET /}: the dashboard; {@code GET /tasks/{id}}: one task and its history. */
@Controller
class DashboardController {

  private final DashboardQueries queries;
  private final Clock clock;

  DashboardController(DashboardQueries queries, Clock clock) {
    this.queries = queries;
    this.clock = clock;
  }

  @GetMapping("/")
  String dashboard(
      @RequestParam(required = false) @Nullable String repo,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String skill,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String cursor,
      Model model,
      HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    model.addAttribute("view", queries.dashboard(TaskFilter.of(repo, status, skill, q, cursor)));
    return "dashboard/index";
  }

  @GetMapping("/tasks/{taskId}")
  String task(@PathVariable String taskId, Model model, HttpServletResponse response) {
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    TaskId id = parse(taskId);
    TaskDetailView view =
        queries
            .task(id, clock.instant())
            .orElseThrow(() -> ApiException.notFound("No task " + id + " in this pool."));
    model.addAttribute("view", view);
    return "dashboard/task";
  }

  /** A bad cursor or an unknown task, as a page rather than the API's problem JSON. */
  @ExceptionHandler(ApiException.class)
  String refused(ApiException e, Model model, HttpServletResponse response) {
    response.setStatus(e.type().status());
    model.addAttribute("status", HttpStatus.valueOf(e.type().status()).getReasonPhrase());
    model.addAttribute("message", e.getMessage());
    return "dashboard/refused";
  }

  private static TaskId parse(String taskId) {
    try {
      return TaskId.of(taskId);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No task " + taskId + " in this pool.");
    }
  }
}
