package dev.owp.protocol.client;

import dev.owp.protocol.client.HttpTransport.Header;
import dev.owp.protocol.lease.WorkList;
import dev.owp.protocol.task.Reason;
import dev.owp.protocol.task.StatusAck;
import dev.owp.protocol.task.StatusUpdate;
import dev.owp.protocol.task.TaskId;
import dev.owp.protocol.worker.Heartbeat;
import dev.owp.protocol.worker.HeartbeatAck;
import dev.owp.protocol.worker.RegisteredWorker;
import dev.owp.protocol.worker.WorkerRegistration;
import dev.owp.protocol.worker.WorkerView;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A client of one poold, for workers. Thread-safe; reuse one instance, and close it when done with
 * it if it was built with {@link Builder#keptConnection()}.
 *
 * <pre>{@code
 * OwpClient pool = OwpClient.builder(URI.create("http://127.0.0.1:8787")).workerToken(token).build();
 * pool.heartbeat(Heartbeat.of(WorkerStatus.WORKING, null));
 * for (LeaseView lease : pool.work().leases()) { ... }
 * }</pre>
 *
 * <p>Every call throws {@link OwpProblemException} when the server refuses the request and {@link
 * OwpUnreachableException} when it cannot be reached.
 */
public final class OwpClient implements AutoCloseable {

  /** The protocol client's version, sent in the User-Agent header. */
  public static final String VERSION = "0.2";

  private final HttpTransport http;
  private final @Nullable String workerToken;
  private final @Nullable String adminToken;

  private OwpClient(HttpTransport http, @Nullable String workerToken, @Nullable String adminToken) {
    this.http = http;
    this.workerToken = workerToken;
    this.adminToken = adminToken;
  }

  /** Starts a client of the poold at {@code server}, e.g. {@code http://127.0.0.1:8787}. */
  public static Builder builder(URI server) {
    return new Builder(server);
  }

  /** The server this client talks to. */
  public URI server() {
    return http.server();
  }

  /** True when {@code GET /healthz} answers ok. */
  public boolean healthy() {
    return http.get("/healthz", Map.of(), null, Health.class).ok();
  }

  /** Registers a new worker. Needs no token; the answer holds the worker's token. */
  public RegisteredWorker register(WorkerRegistration registration) {
    return http.post("/v1/workers/register", registration, null, RegisteredWorker.class);
  }

  /** Reports the worker alive, renewing its leases and taking new work if it has room. */
  public HeartbeatAck heartbeat(Heartbeat heartbeat) {
    return http.post("/v1/workers/heartbeat", heartbeat, worker(), HeartbeatAck.class);
  }

  /** The tasks the worker holds. Does not change anything on the server. */
  public WorkList work() {
    return http.get("/v1/work", Map.of(), worker(), WorkList.class);
  }

  /** Reports a status for a task the worker holds. */
  public StatusAck updateStatus(TaskId task, StatusUpdate update) {
    return http.post(taskPath(task) + "/status", update, worker(), StatusAck.class);
  }

  /** Gives a held task back to the pool. */
  public StatusAck release(TaskId task, Reason reason) {
    return http.post(taskPath(task) + "/release", reason, worker(), StatusAck.class);
  }

  /** The worker as the server sees it. */
  public WorkerView me() {
    return http.get("/v1/workers/me", Map.of(), worker(), WorkerView.class);
  }

  /** Stops the worker from getting new leases until it resumes; it keeps the ones it has. */
  public WorkerView pause(Reason reason) {
    return http.post("/v1/workers/pause", reason, worker(), WorkerView.class);
  }

  /** Lifts the worker's own pause. An admin's pause stays. */
  public WorkerView resume() {
    return http.post("/v1/workers/resume", Reason.NONE, worker(), WorkerView.class);
  }

  /** Closes the client's kept connection, if it has one; a later call opens a new one. */
  @Override
  public void close() {
    http.close();
  }

  /** The admin side of the API, which needs the admin token. */
  public OwpAdminClient admin() {
    if (adminToken == null) {
      throw new IllegalStateException("no admin token configured (set OWP_ADMIN_TOKEN)");
    }
    return new OwpAdminClient(http, new Header("X-Admin-Token", adminToken));
  }

  private Header worker() {
    if (workerToken == null) {
      throw new IllegalStateException("no worker token configured; register a worker first");
    }
    return new Header("Authorization", "Bearer " + workerToken);
  }

  static String taskPath(TaskId task) {
    return "/v1/tasks/" + HttpTransport.pathSegment(task.value());
  }

  /** {@code GET /healthz}. */
  record Health(boolean ok) {}

  /** Configures an {@link OwpClient}. */
  public static final class Builder {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final URI server;
    private @Nullable String workerToken;
    private @Nullable String adminToken;
    private Duration timeout = Duration.ofSeconds(20);
    private @Nullable HttpClient http;
    private boolean keptConnection;

    private Builder(URI server) {
      String text = server.toString();
      this.server = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
      String scheme = Objects.requireNonNullElse(this.server.getScheme(), "");
      if (!scheme.equals("http") && !scheme.equals("https") || this.server.getHost() == null) {
        throw new IllegalArgumentException(
            "server must be an http(s) URL such as http://127.0.0.1:8787, got '" + server + "'");
      }
    }

    /** The worker's bearer token. */
    public Builder workerToken(@Nullable String token) {
      this.workerToken = token;
      return this;
    }

    /** The admin token, sent as {@code X-Admin-Token}. */
    public Builder adminToken(@Nullable String token) {
      this.adminToken = token;
      return this;
    }

    /** How long to wait for each answer (default 20 s). */
    public Builder timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }

    /** The HTTP client to use, e.g. one shared by many simulated workers. */
    public Builder httpClient(HttpClient client) {
      this.http = client;
      return this;
    }

    /**
     * Sends over one kept-alive HTTP/1.1 connection of this client's own instead of the JDK's
     * client: much cheaper per request for a caller that sends one request at a time, as each
     * simulated worker of {@code pool bench} does (it cut the load generator's CPU by a third).
     * Calls from several threads take turns on the connection. Plain http only; takes the place of
     * {@link #httpClient}.
     */
    public Builder keptConnection() {
      if (!server.getScheme().equals("http")) {
        throw new IllegalArgumentException(
            "a kept connection speaks plain http; " + server + " needs the JDK's client");
      }
      this.keptConnection = true;
      return this;
    }

    /** The client. */
    public OwpClient build() {
      Exchange exchange;
      if (keptConnection) {
        exchange = new KeptConnection(server, CONNECT_TIMEOUT);
      } else {
        exchange =
            new JdkExchange(
                http != null
                    ? http
                    : HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(CONNECT_TIMEOUT)
                        .build());
      }
      return new OwpClient(new HttpTransport(server, exchange, timeout), workerToken, adminToken);
    }
  }
}
