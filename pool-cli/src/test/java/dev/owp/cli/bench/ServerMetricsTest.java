package dev.owp.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerMetricsTest {

  private static final String SERVER = "http://127.0.0.1:8787";

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
    ServerMetrics.Figures figures =
        ServerMetrics.parse(SERVER, AFTER).since(ServerMetrics.parse(SERVER, BEFORE));

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
    ServerMetrics.Figures figures =
        ServerMetrics.parse(SERVER, BEFORE).since(ServerMetrics.parse(SERVER, BEFORE));

    assertThat(figures.latency()).isEmpty();
    assertThat(figures.counters()).containsEntry("owp_leases_granted_total", 0L);
  }

  @Test
  void theJvmOfAReplicaIsItsVersionHeapLimitAndProcessors() {
    // G1 gives its young pools no limit of their own: the old generation's is the heap's.
    String g1 =
        """
        jvm_info{runtime="OpenJDK Runtime Environment",vendor="Debian",version="17.0.15+6"} 1
        jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1.0
        jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 2.01326592E8
        jvm_memory_max_bytes{area="heap",id="G1 Survivor Space"} -1.0
        jvm_memory_max_bytes{area="nonheap",id="Metaspace"} -1.0
        jvm_memory_max_bytes{area="nonheap",id="CodeHeap 'non-nmethods'"} 5832704.0
        system_cpu_count 2.0
        process_start_time_seconds 1.796689352055E9
        """;

    List<PooldJvm> jvms = ServerMetrics.parse(SERVER, g1).jvms();

    assertThat(jvms)
        .containsExactly(
            new PooldJvm(SERVER, "17.0.15+6", 192L, 2, Instant.parse("2026-12-08T00:22:32.055Z")));
    assertThat(jvms.get(0).describe()).isEqualTo("Java 17.0.15+6, heap limit 192 MiB, 2 CPUs");
  }

  @Test
  void aJvmThatSaysLittleIsDescribedAsFarAsItGoes() {
    List<PooldJvm> jvms = ServerMetrics.parse(SERVER, BEFORE).jvms();

    assertThat(jvms).containsExactly(new PooldJvm(SERVER, null, null, null, null));
    assertThat(jvms.get(0).describe()).isEqualTo("Java version unknown, no heap limit");
  }

  @Test
  void replicasAddUp() {
    String other = "http://127.0.0.1:8788";
    ServerMetrics.Scrape two =
        ServerMetrics.parse(SERVER, AFTER).plus(ServerMetrics.parse(other, BEFORE));

    ServerMetrics.Figures figures = two.since(ServerMetrics.parse(SERVER, BEFORE));

    assertThat(figures.latency().get("GET /v1/work").count()).isEqualTo(110);
    assertThat(figures.counters()).containsEntry("owp_leases_granted_total", 105L);
    assertThat(two.jvms()).extracting(PooldJvm::server).containsExactly(SERVER, other);
    assertThat(two.repeats()).isEmpty();
  }

  @Test
  void aPooldUnderTwoUrlsCountsOnce() {
    String started = "process_start_time_seconds 1.796689352055E9\n";
    String localhost = "http://localhost:8787";
    ServerMetrics.Scrape before =
        ServerMetrics.parse(SERVER, BEFORE + started)
            .plus(ServerMetrics.parse(localhost, BEFORE + started));
    ServerMetrics.Scrape after =
        ServerMetrics.parse(SERVER, AFTER + started)
            .plus(ServerMetrics.parse(localhost, AFTER + started));

    ServerMetrics.Figures figures = after.since(before);

    assertThat(figures.latency().get("GET /v1/work").count()).isEqualTo(100);
    assertThat(figures.counters()).containsEntry("owp_leases_granted_total", 100L);
    assertThat(after.jvms()).extracting(PooldJvm::server).containsExactly(SERVER);
    assertThat(after.repeats()).containsExactly(entry(localhost, SERVER));
  }

  @Test
  void replicasStartedInTheSameMillisecondOnAnotherJavaAreTwo() {
    String started = "process_start_time_seconds 1.796689352055E9\n";
    ServerMetrics.Scrape two =
        ServerMetrics.parse(SERVER, AFTER + started + "jvm_info{version=\"17.0.15+6\"} 1\n")
            .plus(
                ServerMetrics.parse(
                    "http://10.0.0.2:8787", AFTER + started + "jvm_info{version=\"25.0.1\"} 1\n"));

    assertThat(two.jvms()).hasSize(2);
    assertThat(two.repeats()).isEmpty();
  }
}
