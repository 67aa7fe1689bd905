package dev.owp.poold.dashboard;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import org.junit.jupiter.api.Test;

/** {@code GET /}: counts, repositories, workers, tasks and events, all text escaped. */
class DashboardTest extends PooldIntegrationTest {

  @Test
  void theDashboardShowsThePoolAndEscapesEverything() {
    repo("demo", 2, true);
    task(aTask("demo").titled("<script>alert('title')</script>"));
    beat(register("<b>mallory</b>", 5, 2));

    RawHttp.Response page = raw().get("/");

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.body())
        .contains("demo")
        .contains("&lt;script&gt;")
        .contains("&lt;b&gt;mallory&lt;/b&gt;")
        .doesNotContain("<script>alert")
        .doesNotContain("<b>mallory</b>")
        .doesNotContainPattern("\\sth:[a-z]");
  }

  @Test
  void theApiDescriptionIsServedWithWireNames() {
    RawHttp.Response docs = raw().get("/v3/api-docs");

    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.body())
        .contains("\"/v1/work\"", "\"/v1/workers/heartbeat\"", "\"/v1/admin/tasks/bulk\"")
        .contains("max_open_prs", "lease_expires_at")
        .doesNotContain("maxOpenPrs");
  }
}
