package dev.owp.poold.dashboard;

import static dev.owp.poold.support.TaskSpecBuilder.aTask;
import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.protocol.task.TaskId;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /live}: Server-Sent Events announce every change of the audit log. */
class LiveFeedTest extends PooldIntegrationTest {

  @Autowired private DashboardQueries queries;

  @Test
  void aChangeIsAnnouncedWithinASecondWithItsTask() throws Exception {
    repo("demo", 2, false);
    try (Subscription live = subscribe("/live?after=" + queries.lastEventId(), null)) {
      live.awaitLine(":subscribed", Duration.ofSeconds(5));

      long started = System.nanoTime();
      TaskId id = task(aTask("demo").titled("new"));
      String data = live.awaitLine("data:", Duration.ofSeconds(2));

      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
      assertThat(data).contains("\"tasks\":[\"" + id.value() + "\"]");
    }
  }

  @Test
  void aPageThatMissedChangesIsToldAtOnce() throws Exception {
    repo("demo", 2, false);
    long seen = queries.lastEventId();
    task(aTask("demo").titled("while the page loaded"));

    try (Subscription live = subscribe("/live?after=" + seen, null)) {
      assertThat(live.awaitLine("event:", Duration.ofSeconds(2))).isEqualTo("event:change");
    }
    // A reconnecting browser's Last-Event-ID wins over the page's own. (Once the feed has
    // announced everything: a subscriber may also get the feed's own announcement of a change.)
    Thread.sleep(3 * LiveFeed.TICK.toMillis());
    long newest = queries.lastEventId();
    try (Subscription live = subscribe("/live?after=0", Long.toString(newest))) {
      live.awaitLine(":subscribed", Duration.ofSeconds(2));
      assertThat(live.lines.poll(600, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  private Subscription subscribe(String path, String lastEventId) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server() + path)).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    HttpResponse<Stream<String>> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    CompletableFuture<Void> reader =
        CompletableFuture.runAsync(
            () -> response.body().filter(line -> !line.isEmpty()).forEach(lines::add));
    return new Subscription(http, response, reader, lines);
  }

  private record Subscription(
      HttpClient http,
      HttpResponse<Stream<String>> response,
      CompletableFuture<Void> reader,
      BlockingQueue<String> lines)
      implements AutoCloseable {

    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (line != null && line.startsWith(prefix)) {
          return line;
        }
      }
      throw new AssertionError("no line starting with " + prefix + " within " + timeout);
    }

    @Override
    public void close() {
      response.body().close();
      reader.cancel(true);
    }
  }
}
