package dev.owp.poold.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /}: the dashboard. */
@Controller
class DashboardController {

  private final DashboardQueries queries;

  DashboardController(DashboardQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/")
  String dashboard(Model model) {
    model.addAttribute("view", queries.dashboard());
    return "dashboard/index";
  }
}
