package dev.owp.poold.support;

import dev.owp.protocol.json.OwpJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP requests with any body and headers, for testing what the typed client never sends. */
public final class RawHttp {

  private static final JsonMapper JSON = OwpJson.mapper(OwpJson.Strictness.LENIENT);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final URI server;
  private final Map<String, String> headers = new LinkedHashMap<>();

  RawHttp(URI server) {
    this.server = server;
  }

  /** Adds a header to every request. */
  public RawHttp header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Sends {@code method path} with a JSON body (null for none). */
  public Response send(String method, String path, String body) {
    return send(
        method,
        path,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body),
        body != null);
  }

  /**
   * POSTs {@code body} with chunked transfer encoding: no Content-Length, so the server learns the
   * size only while reading.
   */
  public Response postChunked(String path, byte[] body) {
    return send(
        "POST",
        path,
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)),
        true);
  }

  private Response send(
      String method, String path, HttpRequest.BodyPublisher publisher, boolean json) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path));
    headers.forEach(request::header);
    if (json && !headers.containsKey("Content-Type")) {
      request.header("Content-Type", "application/json");
    }
    request.method(method, publisher);
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** GET. */
  public Response get(String path) {
    return send("GET", path, null);
  }

  /** POST with a JSON body. */
  public Response post(String path, String body) {
    return send("POST", path, body);
  }

  /** A response. */
  public record Response(int status, String contentType, String body, HttpHeaders headers) {
    /** The body as JSON. */
    public JsonNode json() {
      return JSON.readTree(body);
    }

    /** The first value of a response header, or empty text. */
    public String header(String name) {
      return headers.firstValue(name).orElse("");
    }
  }
}
