package dev.owp.poold.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.poold.support.PooldIntegrationTest;
import dev.owp.poold.support.RawHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description says how to call each operation: the credential it needs, no parameter
 * that poold fills in itself, and the problems it may answer with.
 */
class OpenApiTest extends PooldIntegrationTest {

  private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

  private JsonNode docs;

  @BeforeEach
  void fetchTheDescription() {
    RawHttp.Response response = raw().get("/v3/api-docs");
    assertThat(response.status()).isEqualTo(200);
    docs = response.json();
  }

  @Test
  void theAuthenticatedWorkerIsNoParameter() {
    assertThat(operations())
        .allSatisfy(
            (name, operation) ->
                assertThat(operation.path("parameters").valueStream())
                    .as(name)
                    .noneMatch(parameter -> parameter.path("name").asString().equals("worker")));
    assertThat(operation("get", "/v1/work").has("parameters")).isFalse();
  }

  @ParameterizedTest
  @CsvSource({
    "get,    /v1/work,                       worker",
    "post,   /v1/workers/heartbeat,          worker",
    "post,   /v1/tasks/{taskId}/status,      worker",
    "post,   /v1/tasks/{taskId}/release,     worker",
    "get,    /v1/workers/me,                 worker",
    "post,   /v1/workers/pause,              worker",
    "post,   /v1/workers/resume,             worker",
    "get,    /v1/admin/state,                admin",
    "post,   /v1/admin/tasks,                admin",
    "get,    /v1/admin/tasks/{taskId},       admin",
    "delete, /v1/admin/workers/{workerId},   admin",
    "get,    /v1/admin/events,               admin"
  })
  void eachOperationNamesItsCredential(String method, String path, String scheme) {
    JsonNode security = operation(method, path).path("security");

    assertThat(security.size()).isOne();
    assertThat(security.get(0).propertyNames()).containsExactly(scheme);
    assertThat(docs.path("components").path("securitySchemes").has(scheme)).isTrue();
  }

  @Test
  void everyAdminOperationNeedsTheAdminTokenAndOpenOnesNothing() {
    assertThat(operations())
        .allSatisfy(
            (name, operation) -> {
              if (name.contains(" /v1/admin/")) {
                assertThat(operation.path("security").toString()).as(name).contains("admin");
              }
            });
    assertThat(operation("post", "/v1/workers/register").has("security")).isFalse();
    assertThat(operation("get", "/healthz").has("security")).isFalse();
    assertThat(operation("post", "/v1/github/webhook").has("security")).isFalse();
  }

  @Test
  void operationsDocumentTheirProblems() {
    assertThat(responses("post", "/v1/tasks/{taskId}/status"))
        .contains("200", "400", "401", "403", "404", "409", "413");
    assertThat(responses("get", "/v1/work")).contains("401").doesNotContain("400", "404", "413");
    assertThat(responses("post", "/v1/workers/register"))
        .contains("400", "413")
        .doesNotContain("401", "404");
    assertThat(responses("get", "/v1/admin/tasks/{taskId}")).contains("400", "401", "404");
    assertThat(responses("post", "/v1/admin/tasks/{taskId}/requeue")).contains("409");

    JsonNode leaseLost =
        operation("post", "/v1/tasks/{taskId}/status").path("responses").path("409");
    assertThat(leaseLost.path("description").asString())
        .contains(
            "https://owp.dev/problems/lease-lost", "https://owp.dev/problems/illegal-transition");
    assertThat(
            leaseLost
                .path("content")
                .path("application/problem+json")
                .path("schema")
                .path("$ref")
                .asString())
        .isEqualTo("#/components/schemas/Problem");
    assertThat(
            docs.path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .propertyNames())
        .contains("type", "title", "status", "detail", "instance");
  }

  private JsonNode operation(String method, String path) {
    JsonNode operation = docs.path("paths").path(path).path(method);
    assertThat(operation.isObject())
        .as("%s %s in %s", method, path, docs.path("paths").propertyNames())
        .isTrue();
    return operation;
  }

  private List<String> responses(String method, String path) {
    return new ArrayList<>(operation(method, path).path("responses").propertyNames());
  }

  /** Every operation, by "METHOD path". */
  private Map<String, JsonNode> operations() {
    Map<String, JsonNode> operations = new java.util.LinkedHashMap<>();
    for (String path : docs.path("paths").propertyNames()) {
      for (String method : METHODS) {
        JsonNode operation = docs.path("paths").path(path).path(method);
        if (operation.isObject()) {
          operations.put(method.toUpperCase(java.util.Locale.ROOT) + " " + path, operation);
        }
      }
    }
    assertThat(operations).hasSizeGreaterThan(20);
    return operations;
  }
}
