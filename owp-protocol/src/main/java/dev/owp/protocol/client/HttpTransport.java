package dev.owp.protocol.client;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to one poold: the single place where requests are sent and errors mapped. */
final class HttpTransport {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);

  private final URI server;
  private final HttpClient http;
  private final Duration timeout;

  HttpTransport(URI server, HttpClient http, Duration timeout) {
    this.server = server;
    this.http = http;
    this.timeout = timeout;
  }

  URI server() {
    return server;
  }

  /** A request header: name and value. */
  record Header(String name, String value) {}

  <T> T get(String path, Map<String, ?> query, @Nullable Header auth, Class<T> type) {
    return send("GET", path + queryString(query), null, auth, type);
  }

  <T> T post(String path, @Nullable Object body, @Nullable Header auth, Class<T> type) {
    return send("POST", path, body, auth, type);
  }

  <T> T delete(String path, @Nullable Object body, @Nullable Header auth, Class<T> type) {
    return send("DELETE", path, body, auth, type);
  }

  private <T> T send(
      String method, String path, @Nullable Object body, @Nullable Header auth, Class<T> type) {
    HttpRequest.Builder request =
        // Concatenated, not resolved: a server URL may carry a path prefix behind a reverse proxy.
        HttpRequest.newBuilder(URI.create(server + path))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("User-Agent", "owp-client/" + OwpClient.VERSION);
    if (auth != null) {
      request.header(auth.name(), auth.value());
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response = exchange(request.build());
    if (response.statusCode() >= 400) {
      throw new OwpProblemException(problemOf(response));
    }
    try {
      return JSON.readValue(response.body(), type);
    } catch (JacksonException e) {
      throw new OwpProblemException(
          new Problem(
              null,
              "Unreadable response",
              response.statusCode(),
              "unexpected answer from " + server + ": " + abbreviate(response.body())));
    }
  }

  private HttpResponse<String> exchange(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OwpUnreachableException(server, "interrupted", e);
    } catch (IOException | UnresolvedAddressException e) {
      throw new OwpUnreachableException(server, why(server, e), e);
    }
  }

  /**
   * A few words on why {@code server} could not be reached. The cause chain is searched for an
   * unresolved host first: the JDK's client reports one as a {@link ConnectException}, which would
   * otherwise read as "connection refused".
   */
  static String why(URI server, Exception e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnknownHostException || cause instanceof UnresolvedAddressException) {
        return "unknown host " + server.getHost();
      }
    }
    if (e instanceof HttpConnectTimeoutException) {
      return "connection timed out";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer in time";
    }
    if (e instanceof ConnectException) {
      return "connection refused";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static Problem problemOf(HttpResponse<String> response) {
    int status = response.statusCode();
    try {
      JsonNode node = JSON.readTree(response.body());
      JsonNode detail = node.path("detail");
      return new Problem(
          textOrNull(node.path("type")),
          textOrNull(node.path("title")),
          status,
          detail.isString()
              ? detail.asString()
              : detail.isMissingNode() ? null : detail.toString());
    } catch (JacksonException e) {
      return new Problem(null, null, status, abbreviate(response.body()));
    }
  }

  private static @Nullable String textOrNull(JsonNode node) {
    return node.isString() ? node.asString() : null;
  }

  private static String abbreviate(String body) {
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "…";
  }

  private static String queryString(Map<String, ?> query) {
    StringJoiner joiner = new StringJoiner("&", "?", "").setEmptyValue("");
    new LinkedHashMap<>(query)
        .forEach(
            (name, value) -> {
              if (value != null) {
                joiner.add(
                    name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
              }
            });
    return joiner.toString();
  }

  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
