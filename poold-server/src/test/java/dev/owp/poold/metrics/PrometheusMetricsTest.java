package dev.owp.poold.metrics;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp.Response;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.task.TaskStatus;
import dev.owp.protocol.worker.RegisteredWorker;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What an operator's Prometheus scrapes from {@code /actuator/prometheus}. */
class PrometheusMetricsTest extends PooldIntegrationTest {

  @Autowired PoolGauges gauges;

  @Test
  void countsLeasesRenewalsAndReturnsByReason() {
    double granted = sample("owp_leases_granted_total");
    double renewed = sample("owp_leases_renewed_total");
    double released = sample("owp_tasks_returned_total{reason=\"released\"}");
    double expired = sample("owp_tasks_returned_total{reason=\"lease_expired\"}");
    repo("demo", 5, false);
    TaskId first = task(aTask("demo").titled("first"));
    task(aTask("demo").titled("second"));
    RegisteredWorker alice = register("alice", 5, 2);

    beat(alice); // grants both
    beat(alice); // renews both
    as(alice).release(first, new Reason("not today"));
    clock.advance(Duration.ofHours(1));
    runCycle(); // the other lease expires

    assertThat(sample("owp_leases_granted_total")).isEqualTo(granted + 2);
    assertThat(sample("owp_leases_renewed_total")).isEqualTo(renewed + 2);
    assertThat(sample("owp_tasks_returned_total{reason=\"released\"}")).isEqualTo(released + 1);
    assertThat(sample("owp_tasks_returned_total{reason=\"lease_expired\"}")).isEqualTo(expired + 1);
  }

  @Test
  void aRolledBackStatusChangeCountsNothing() {
    double released = sample("owp_tasks_returned_total{reason=\"released\"}");
    repo("demo", 5, false);
    TaskId id = task(aTask("demo"));
    RegisteredWorker alice = register("alice", 5, 2);
    RegisteredWorker bob = register("bob", 5, 2);
    beat(alice);

    // Bob does not hold the task: refused, and nothing returned to the pool.
    Response refused = rawAs(bob.token()).post("/v1/tasks/" + id.value() + "/release", "{}");

    assertThat(refused.status()).isEqualTo(403);
    assertThat(sample("owp_tasks_returned_total{reason=\"released\"}")).isEqualTo(released);
  }

  @Test
  void gaugesShowTasksByStatusWorkersAndBudgets() {
    repo("demo", 2, false);
    repo("docs", 3, false);
    TaskId first = task(aTask("demo").titled("first"));
    task(aTask("demo").titled("second"));
    task(aTask("demo").titled("third"));
    task(aTask("docs"));
    RegisteredWorker alice = register("alice", 10, 4);
    register("bob", 5, 2);
    beat(alice);
    report(alice, first, TaskStatus.PR_OPENED);

    gauges.refresh();

    assertThat(sample("owp_tasks{repo=\"demo\",status=\"pr_opened\"}")).isEqualTo(1);
    assertThat(sample("owp_tasks{repo=\"demo\",status=\"leased\"}")).isEqualTo(1);
    assertThat(sample("owp_tasks{repo=\"demo\",status=\"ready\"}")).isEqualTo(1);
    assertThat(sample("owp_tasks{repo=\"demo\",status=\"merged\"}")).isZero();
    assertThat(sample("owp_tasks{repo=\"docs\",status=\"leased\"}")).isEqualTo(1);
    assertThat(sample("owp_repo_budget_used{repo=\"demo\"}")).isEqualTo(2);
    assertThat(sample("owp_repo_budget_max{repo=\"demo\"}")).isEqualTo(2);
    assertThat(sample("owp_repo_budget_used{repo=\"docs\"}")).isEqualTo(1);
    assertThat(sample("owp_workers_online")).isEqualTo(1);
    assertThat(sample("owp_workers_registered")).isEqualTo(2);
  }

  @Test
  void requestLatencyIsAHistogramPerEndpoint() {
    repo("demo", 2, false);
    RegisteredWorker alice = register("alice", 5, 2);
    as(alice).work();

    String scrape = scrape();

    assertThat(scrape)
        .containsPattern(
            "http_server_requests_seconds_count\\{[^}]*method=\"GET\"[^}]*uri=\"/v1/work\"[^}]*\\}")
        .containsPattern(
            "http_server_requests_seconds_bucket\\{[^}]*uri=\"/v1/work\",le=\"[^\"]+\"\\}");
  }

  private String scrape() {
    Response response = raw().get("/actuator/prometheus");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  /** The value of the sample named exactly {@code series} (name and labels), 0 when absent. */
  private double sample(String series) {
    Matcher matcher =
        Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(scrape());
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
