package dev.owp.poold.dashboard;

import dev.owp.poold.storage.Reader;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The dashboard's live feed: tells every open page, through Server-Sent Events, that the pool
 * changed, so the page can fetch its changed parts.
 *
 * <p>The audit log is the source of truth. One ticker per server reads the events after the last
 * one it announced ({@code WHERE id > ?} on the primary key, a single query per tick shared by all
 * subscribers) and sends one message per tick to each subscriber. Because it reads the shared table
 * rather than listening inside this JVM, a page sees changes made by every poold replica sharing a
 * PostgreSQL database. It reads nothing while nobody is watching.
 *
 * <p>On PostgreSQL, event ids come from a sequence and are handed out before commit, so a
 * transaction that commits late can make a smaller id appear after a larger one was announced. The
 * ids missing from a tick are remembered for a few seconds and looked for again, so such an event
 * is still announced.
 *
 * <p>Subscribers are asynchronous requests: an idle page holds a connection but no thread.
 */
@Component
class LiveFeed implements SmartLifecycle {

  /** How often the ticker reads the audit log: well under the one second a change may take. */
  static final Duration TICK = Duration.ofMillis(250);

  /** A comment sent to idle subscribers, so dead connections are noticed and proxies keep open. */
  static final Duration KEEPALIVE = Duration.ofSeconds(15);

  /** How long a subscription lasts before the browser reconnects (with Last-Event-ID). */
  static final Duration SUBSCRIPTION = Duration.ofMinutes(10);

  /** How long a gap in the event ids is looked for again. */
  static final Duration GAP_PATIENCE = Duration.ofSeconds(5);

  private static final int BATCH = 500;

  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);

  private static final String EVENTS_AFTER =
      """
      SELECT id, task_id
        FROM event
       WHERE id > :after
       ORDER BY id
       LIMIT :batch
      """;

  private final JdbcClient jdbc;
  private final List<SseEmitter> subscribers = new CopyOnWriteArrayList<>();
  // Ids missing between announced events (PostgreSQL commit order), by when they were noticed.
  private final TreeMap<Long, Long> gaps = new TreeMap<>();
  private @Nullable ScheduledExecutorService ticker;
  private long announced = -1;
  private long lastSend = System.nanoTime();

  LiveFeed(@Reader JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * A new subscriber, told at once when the log moved past {@code seen} (the newest event id its
   * page was read at, or the Last-Event-ID of a reconnecting browser).
   */
  SseEmitter subscribe(long seen) {
    SseEmitter emitter = new SseEmitter(SUBSCRIPTION.toMillis());
    emitter.onCompletion(() -> subscribers.remove(emitter));
    emitter.onTimeout(() -> subscribers.remove(emitter));
    emitter.onError(e -> subscribers.remove(emitter));
    long newest;
    synchronized (this) {
      newest = lastEventId();
      if (announced < 0) {
        announced = newest;
      }
    }
    try {
      emitter.send(SseEmitter.event().reconnectTime(1000).comment("subscribed"));
      if (newest > seen) {
        emitter.send(change(newest, List.of()));
      }
    } catch (IOException e) {
      emitter.completeWithError(e);
      return emitter;
    }
    subscribers.add(emitter);
    return emitter;
  }

  /** How many pages are subscribed on this server. */
  int subscriberCount() {
    return subscribers.size();
  }

  /** Reads the events after the last announced one and tells every subscriber; one tick. */
  synchronized void tick() {
    if (subscribers.isEmpty()) {
      announced = -1;
      gaps.clear();
      return;
    }
    if (announced < 0) {
      announced = lastEventId();
      return;
    }
    long now = System.nanoTime();
    gaps.values().removeIf(noticed -> now - noticed > GAP_PATIENCE.toNanos());
    long after = gaps.isEmpty() ? announced : Math.min(announced, gaps.firstKey() - 1);
    List<Map<String, Object>> rows =
        jdbc.sql(EVENTS_AFTER).param("after", after).param("batch", BATCH).query().listOfRows();
    Set<String> tasks = new LinkedHashSet<>();
    boolean news = false;
    for (Map<String, Object> row : rows) {
      long id = ((Number) row.get("id")).longValue();
      if (id <= announced) {
        if (gaps.remove(id) == null) {
          continue;
        }
      } else {
        // A wide jump is not a commit race (a sequence restart, a pruned log): no gap to mind.
        if (id - announced <= BATCH) {
          for (long missing = announced + 1; missing < id; missing++) {
            gaps.put(missing, now);
          }
        }
        announced = id;
      }
      news = true;
      if (row.get("task_id") != null) {
        tasks.add(row.get("task_id").toString());
      }
    }
    if (news) {
      broadcast(change(announced, new ArrayList<>(tasks)));
    } else if (now - lastSend > KEEPALIVE.toNanos()) {
      broadcast(SseEmitter.event().comment("keepalive"));
    }
  }

  private long lastEventId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM event").query(Long.class).single();
  }

  private void broadcast(SseEmitter.SseEventBuilder message) {
    lastSend = System.nanoTime();
    Iterator<SseEmitter> each = subscribers.iterator();
    while (each.hasNext()) {
      SseEmitter emitter = each.next();
      try {
        emitter.send(message);
      } catch (IOException | IllegalStateException e) {
        // The browser went away; the container completes the request.
        subscribers.remove(emitter);
      }
    }
  }

  private static SseEmitter.SseEventBuilder change(long lastId, List<String> tasks) {
    // Few tasks: the page can tell whether it shows one of them. Many: just "something changed".
    Map<String, Object> data =
        tasks.size() <= 50 ? Map.of("last", lastId, "tasks", tasks) : Map.of("last", lastId);
    return SseEmitter.event()
        .id(Long.toString(lastId))
        .name("change")
        .data(data, MediaType.APPLICATION_JSON);
  }

  @Override
  public synchronized void start() {
    ScheduledExecutorService executor =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "dashboard-live-feed");
              thread.setDaemon(true);
              return thread;
            });
    executor.scheduleWithFixedDelay(
        this::tickSafely, TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
    ticker = executor;
  }

  private void tickSafely() {
    try {
      tick();
    } catch (RuntimeException e) {
      // The loop boundary: a failed read (database restarting) must not end the feed.
      log.warn("Live feed could not read the audit log; retrying", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (ticker != null) {
      ticker.shutdownNow();
      ticker = null;
    }
    for (SseEmitter emitter : subscribers) {
      emitter.complete();
    }
    subscribers.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return ticker != null;
  }
}
