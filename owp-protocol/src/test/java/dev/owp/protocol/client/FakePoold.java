package dev.owp.protocol.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in poold on a free local port: answers what the test tells it to and records every
 * request it gets.
 */
final class FakePoold implements AutoCloseable {

  /** One request as the server saw it. */
  record Request(
      String method,
      String path,
      @Nullable String rawQuery,
      Map<String, List<String>> headers,
      String body) {

    /** The first value of a header, or null. */
    @Nullable String header(String name) {
      List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
      return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The query parameters, decoded, in order, as "name=value". */
    List<String> queryParameters() {
      if (rawQuery == null || rawQuery.isEmpty()) {
        return List.of();
      }
      List<String> params = new ArrayList<>();
      for (String pair : rawQuery.split("&")) {
        String[] nameValue = pair.split("=", 2);
        params.add(
            URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8)
                + "="
                + URLDecoder.decode(
                    nameValue.length > 1 ? nameValue[1] : "", StandardCharsets.UTF_8));
      }
      return params;
    }
  }

  private record Answer(int status, @Nullable String contentType, String body, boolean hang) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);

  private FakePoold() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  /** A fake poold listening on a free port of the loopback interface. */
  static FakePoold start() {
    return new FakePoold();
  }

  /** The server's base URL, e.g. {@code http://127.0.0.1:41234}. */
  URI uri() {
    return URI.create(
        "http://"
            + InetAddress.getLoopbackAddress().getHostAddress()
            + ":"
            + server.getAddress().getPort());
  }

  /** Answers {@code method path} with a JSON body. */
  FakePoold answer(String method, String path, int status, String json) {
    return answer(method, path, status, "application/json", json);
  }

  /** Answers {@code method path} with any body. */
  FakePoold answer(
      String method, String path, int status, @Nullable String contentType, String body) {
    answers.put(method + " " + path, new Answer(status, contentType, body, false));
    return this;
  }

  /** Never answers {@code method path} until the server is closed. */
  FakePoold hang(String method, String path) {
    answers.put(method + " " + path, new Answer(0, null, "", true));
    return this;
  }

  /** Every request received, in order. */
  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** The only request received; fails if there were none or several. */
  Request onlyRequest() {
    if (requests.size() != 1) {
      throw new AssertionError("expected exactly one request, got " + requests);
    }
    return requests.get(0);
  }

  @Override
  public void close() {
    release.countDown();
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, List<String>> headers = new ConcurrentHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) ->
                  headers.put(name.toLowerCase(java.util.Locale.ROOT), List.copyOf(values)));
      URI uri = exchange.getRequestURI();
      requests.add(
          new Request(
              exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(), headers, body));
      Answer answer = answers.get(exchange.getRequestMethod() + " " + uri.getPath());
      if (answer == null) {
        answer = new Answer(404, "text/plain", "no answer set for " + uri.getPath(), false);
      }
      if (answer.hang()) {
        release.await();
        return;
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      if (answer.contentType() != null) {
        exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      }
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
