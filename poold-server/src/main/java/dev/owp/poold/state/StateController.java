package dev.owp.poold.state;

import dev.owp.protocol.admin.AdminState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /v1/admin/state}: pool-wide counts (admin token). */
@RestController
class StateController {

  private final StateQueries queries;

  StateController(StateQueries queries) {
    this.queries = queries;
  }

  @GetMapping("/v1/admin/state")
  AdminState state() {
    return queries.state();
  }
}
