package dev.owp.cli.bench;

/** The requests a benchmark times, named as poold's metrics name them. */
enum Endpoint {
  REGISTER("POST", "/v1/workers/register"),
  HEARTBEAT("POST", "/v1/workers/heartbeat"),
  WORK("GET", "/v1/work"),
  STATUS("POST", "/v1/tasks/{taskId}/status");

  private final String method;
  private final String uri;

  Endpoint(String method, String uri) {
    this.method = method;
    this.uri = uri;
  }

  String method() {
    return method;
  }

  /** The path template, as in poold's {@code http_server_requests_seconds{uri=…}}. */
  String uri() {
    return uri;
  }

  @Override
  public String toString() {
    return method + " " + uri;
  }
}
