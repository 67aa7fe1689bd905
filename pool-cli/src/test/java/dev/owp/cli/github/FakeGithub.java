package dev.owp.cli.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A fake GitHub REST API on a local port (WireMock): one repository, its labelled issues served in
 * pages linked by {@code Link} headers, and single issues.
 */
final class FakeGithub implements AutoCloseable {

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  FakeGithub() {
    server.start();
  }

  String url() {
    return server.baseUrl();
  }

  WireMockServer wiremock() {
    return server;
  }

  /** Serves {@code owner/name}. */
  FakeGithub repository(String fullName) {
    String owner = fullName.substring(0, fullName.indexOf('/'));
    server.stubFor(
        get(urlPathEqualTo("/repos/" + fullName))
            .willReturn(
                okJson(
                    """
                    {"id":1,"name":"%s","full_name":"%s","owner":{"login":"%s"},
                     "url":"%s/repos/%s","html_url":"https://github.com/%s"}
                    """
                        .formatted(
                            fullName.substring(owner.length() + 1),
                            fullName,
                            owner,
                            url(),
                            fullName,
                            fullName))));
    return this;
  }

  /** Lists the open issues labelled {@code label} in these pages (page 1 first). */
  @SafeVarargs
  final FakeGithub labelled(String fullName, String label, List<String>... pages) {
    String path = "/repos/" + fullName + "/issues";
    for (int i = 0; i < pages.length; i++) {
      int page = i + 1;
      ResponseDefinitionBuilder response = okJson("[" + String.join(",", pages[i]) + "]");
      if (page < pages.length) {
        response.withHeader(
            "Link",
            "<%s%s?labels=%s&state=open&page=%d>; rel=\"next\", <%s%s?labels=%s&state=open&page=%d>; rel=\"last\""
                .formatted(url(), path, label, page + 1, url(), path, label, pages.length));
      }
      MappingBuilder request =
          get(urlPathEqualTo(path))
              .withQueryParam("labels", equalTo(label))
              .withQueryParam("state", equalTo("open"));
      request =
          page == 1
              ? request.withQueryParam("page", absent())
              : request.withQueryParam("page", equalTo(Integer.toString(page)));
      server.stubFor(request.willReturn(response));
    }
    return this;
  }

  /** Serves one issue by number. */
  FakeGithub issue(String fullName, int number, String json) {
    server.stubFor(
        get(urlPathEqualTo("/repos/" + fullName + "/issues/" + number)).willReturn(okJson(json)));
    return this;
  }

  /** Answers every request with {@code status} and these headers. */
  FakeGithub failEverything(int status, String... headers) {
    return refuseEverything(status, "no", headers);
  }

  /** Answers every request with {@code status}, GitHub's {@code message} and these headers. */
  FakeGithub refuseEverything(int status, String message, String... headers) {
    ResponseDefinitionBuilder response =
        aResponse()
            .withStatus(status)
            .withHeader("Content-Type", "application/json")
            .withBody("{\"message\":\"" + message + "\"}");
    for (int i = 0; i + 1 < headers.length; i += 2) {
      response.withHeader(headers[i], headers[i + 1]);
    }
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.any(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
            .atPriority(1)
            .willReturn(response));
    return this;
  }

  /** An issue as GitHub's REST API writes it. */
  static String issue(String fullName, int number, String title, boolean open, String... labels) {
    return """
        {"number":%d,"title":"%s","body":"Body of %d","state":"%s",
         "html_url":"https://github.com/%s/issues/%d","labels":[%s]}
        """
        .formatted(
            number,
            title,
            number,
            open ? "open" : "closed",
            fullName,
            number,
            List.of(labels).stream()
                .map(l -> "{\"name\":\"" + l + "\"}")
                .collect(Collectors.joining(",")));
  }

  /** A pull request as the issues API lists it. */
  static String pullRequest(String fullName, int number, String... labels) {
    String issue = issue(fullName, number, "PR " + number, true, labels);
    return issue.substring(0, issue.lastIndexOf('}'))
        + ",\"pull_request\":{\"url\":\"https://api.github.com/repos/"
        + fullName
        + "/pulls/"
        + number
        + "\"}}";
  }

  @Override
  public void close() {
    server.stop();
  }
}
