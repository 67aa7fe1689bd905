package dev.owp.poold.web;

import dev.owp.poold.storage.Reader;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /healthz}: v0.1's liveness check, {@code {"ok": true}}. It also asks the database, so
 * a load balancer stops sending requests to a poold that lost it (503 {@code {"ok": false}}).
 */
@RestController
class HealthController {

  private final JdbcClient jdbc;

  HealthController(@Reader JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @GetMapping("/healthz")
  ResponseEntity<Map<String, Boolean>> health() {
    try {
      jdbc.sql("SELECT 1").query(Integer.class).single();
      return ResponseEntity.ok(Map.of("ok", true));
    } catch (RuntimeException e) {
      return ResponseEntity.status(503).body(Map.of("ok", false));
    }
  }
}
