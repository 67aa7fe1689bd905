package dev.owp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerMetricsTest {

  private static final String BEFORE =
      """
      # HELP http_server_requests_seconds
      # TYPE http_server_requests_seconds histogram
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="0.001"} 10
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="0.002"} 10
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="0.004"} 10
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="+Inf"} 10
      owp_leases_granted_total 5.0
      owp_tasks_returned_total{reason="lease_expired"} 1.0
      """;

  // 100 more polls: 50 under 1 ms, 45 more under 2 ms, the last 5 under 4 ms; a 409 under 1 ms.
  private static final String AFTER =
      """
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="0.001"} 60
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="0.002"} 105
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="0.004"} 110
      http_server_requests_seconds_bucket{method="GET",status="200",uri="/v1/work",le="+Inf"} 110
      http_server_requests_seconds_bucket{method="POST",status="409",uri="/v1/tasks/{taskId}/status",le="0.001"} 1
      http_server_requests_seconds_bucket{method="POST",status="409",uri="/v1/tasks/{taskId}/status",le="+Inf"} 1
      owp_leases_granted_total 105.0
      owp_tasks_returned_total{reason="lease_expired"} 3.0
      """;

  @Test
  void theDifferenceOfTwoScrapesCoversExactlyTheRun() {
    ServerMetrics.Figures figures = ServerMetrics.parse(AFTER).since(ServerMetrics.parse(BEFORE));

    LatencySummary work = figures.latency().get("GET /v1/work");
    assertThat(work.count()).isEqualTo(100);
    assertThat(work.p50Ms()).isEqualTo(1.0);
    assertThat(work.p95Ms()).isEqualTo(2.0);
    assertThat(work.p99Ms()).isEqualTo(4.0);
    assertThat(figures.latency().get("POST /v1/tasks/{taskId}/status").count()).isEqualTo(1);
    assertThat(figures.counters())
        .containsEntry("owp_leases_granted_total", 100L)
        .containsEntry("owp_tasks_returned_total{reason=lease_expired}", 2L);
  }

  @Test
  void endpointsWithoutRequestsDuringTheRunAreLeftOut() {
    ServerMetrics.Figures figures = ServerMetrics.parse(BEFORE).since(ServerMetrics.parse(BEFORE));

    assertThat(figures.latency()).isEmpty();
    assertThat(figures.counters()).containsEntry("owp_leases_granted_total", 0L);
  }

  @Test
  void replicasAddUp() {
    ServerMetrics.Scrape two = ServerMetrics.parse(AFTER).plus(ServerMetrics.parse(BEFORE));

    ServerMetrics.Figures figures = two.since(ServerMetrics.parse(BEFORE));

    assertThat(figures.latency().get("GET /v1/work").count()).isEqualTo(110);
    assertThat(figures.counters()).containsEntry("owp_leases_granted_total", 105L);
  }
}
