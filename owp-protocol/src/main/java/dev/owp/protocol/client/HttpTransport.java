package dev.owp.protocol.client;

import dev.owp.protocol.json.OwpJson;
import dev.owp.protocol.problem.Problem;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
  private final Exchange exchange;
  private final Duration timeout;

  HttpTransport(URI server, Exchange exchange, Duration timeout) {
    this.server = server;
    this.exchange = exchange;
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
    List<Header> headers = new ArrayList<>(4);
    headers.add(new Header("Accept", "application/json"));
    headers.add(new Header("User-Agent", "owp-client/" + OwpClient.VERSION));
    if (auth != null) {
      headers.add(auth);
    }
    String json = null;
    if (body != null) {
      headers.add(new Header("Content-Type", "application/json"));
      json = JSON.writeValueAsString(body);
    }
    // Concatenated, not resolved: a server URL may carry a path prefix behind a reverse proxy.
    Exchange.Answer answer =
        exchange(new Exchange.Request(method, URI.create(server + path), headers, json, timeout));
    if (answer.status() >= 400) {
      throw new OwpProblemException(problemOf(answer));
    }
    try {
      return JSON.readValue(answer.body(), type);
    } catch (JacksonException e) {
      throw new OwpProblemException(
          new Problem(
              null,
              "Unreadable response",
              answer.status(),
              "unexpected answer from " + server + ": " + abbreviate(answer.body())));
    }
  }

  /** Closes the connection the exchange keeps, if it keeps one. */
  void close() {
    exchange.close();
  }

  private Exchange.Answer exchange(Exchange.Request request) {
    try {
      return exchange.send(request);
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

  private static Problem problemOf(Exchange.Answer answer) {
    int status = answer.status();
    try {
      JsonNode node = JSON.readTree(answer.body());
      JsonNode detail = node.path("detail");
      return new Problem(
          textOrNull(node.path("type")),
          textOrNull(node.path("title")),
          status,
          detail.isString()
              ? detail.asString()
              : detail.isMissingNode() ? null : detail.toString());
    } catch (JacksonException e) {
      return new Problem(null, null, status, abbreviate(answer.body()));
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
