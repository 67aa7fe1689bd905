package dev.owp.poold.github;

import dev.owp.poold.web.ApiException;
import dev.owp.poold.web.Refuses;
import dev.owp.protocol.problem.ProblemType;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/github/webhook}: GitHub's {@code pull_request} and {@code issues} events. Every
 * request must carry a valid {@code X-Hub-Signature-256} made with {@code
 * OWP_GITHUB_WEBHOOK_SECRET}; anything else is refused with 401 before the body is read, and
 * without a configured secret everything is refused.
 *
 * <ul>
 *   <li>{@code pull_request} closed: merged → the task goes to {@code merged}; not merged → back to
 *       the pool.
 *   <li>{@code issues} closed, or unlabeled with an import label ({@link
 *       GithubProperties#isImportLabel}): the task imported from the issue is cancelled if nobody
 *       started it.
 * </ul>
 *
 * <p>A body that is not JSON ({@code application/x-www-form-urlencoded} is GitHub's default) is
 * refused with 415 before the signature is checked: its signed bytes never reach the controller.
 *
 * <p>Redeliveries are harmless: a task that already moved is left alone.
 */
@RestController
class GithubWebhookController {

  private final GithubCredentials credentials;
  private final PullRequestFollower follower;
  private final PullRequestWatch watch;
  private final PullRequestOutcome outcome;
  private final IssueClosure issues;
  private final GithubProperties properties;
  private final Clock clock;
  private final JsonMapper json = JsonMapper.builder().build();

  GithubWebhookController(
      GithubCredentials credentials,
      PullRequestFollower follower,
      PullRequestWatch watch,
      PullRequestOutcome outcome,
      IssueClosure issues,
      GithubProperties properties,
      Clock clock) {
    this.credentials = credentials;
    this.follower = follower;
    this.watch = watch;
    this.outcome = outcome;
    this.issues = issues;
    this.properties = properties;
    this.clock = clock;
  }

  @Refuses({ProblemType.UNAUTHENTICATED})
  @PostMapping("/v1/github/webhook")
  ResponseEntity<Map<String, Object>> receive(
      @RequestHeader(name = "X-Hub-Signature-256", required = false) @Nullable String signature,
      @RequestHeader(name = "X-GitHub-Event", required = false) @Nullable String event,
      @RequestHeader(name = "Content-Type", required = false) @Nullable String contentType,
      @RequestBody(required = false) byte @Nullable [] body) {
    if (!json(contentType)) {
      // GitHub's default, application/x-www-form-urlencoded, never reaches us as the signed bytes.
      throw new ApiException(
          ProblemType.UNSUPPORTED_MEDIA_TYPE,
          "The webhook body is "
              + contentType
              + ", which poold cannot verify: in the webhook's settings on GitHub, set the"
              + " webhook's Content type to application/json");
    }
    byte[] payload = body == null ? new byte[0] : body;
    if (!WebhookSignature.valid(credentials.webhookSecret(), signature, payload)) {
      throw new ApiException(
          ProblemType.UNAUTHENTICATED,
          credentials.webhookSecret() == null
              ? "The GitHub webhook is disabled: poold has no OWP_GITHUB_WEBHOOK_SECRET"
              : "Missing or bad X-Hub-Signature-256");
    }
    JsonNode root;
    try {
      root = json.readTree(payload);
    } catch (JacksonException e) {
      throw ApiException.invalid("The webhook body is not JSON: send it as application/json");
    }
    String kind = event == null ? "" : event;
    int changed =
        switch (kind) {
          case "pull_request" -> pullRequest(root);
          case "issues" -> issue(root);
          default -> 0;
        };
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ok", true);
    answer.put("event", kind);
    answer.put("changed", changed);
    return ResponseEntity.ok(answer);
  }

  /** True for JSON, and for no content type at all (the signature check decides then). */
  private static boolean json(@Nullable String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return true;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return type.isCompatibleWith(MediaType.APPLICATION_JSON)
          || "json".equals(type.getSubtypeSuffix());
    } catch (InvalidMediaTypeException e) {
      return false; // unreadable: certainly not application/json
    }
  }

  private int pullRequest(JsonNode root) {
    if (!"closed".equals(root.path("action").asString(""))) {
      return 0;
    }
    String fullName = root.path("repository").path("full_name").asString("");
    int number = root.path("pull_request").path("number").asInt(root.path("number").asInt(0));
    if (fullName.indexOf('/') < 1 || number < 1) {
      throw ApiException.invalid("pull_request event without repository.full_name or number");
    }
    String[] parts = fullName.split("/", 2);
    PullRequestRef pr = new PullRequestRef(parts[0], parts[1], number);
    PullRequestOutcome.State state =
        PullRequestOutcome.State.of(
            "closed", root.path("pull_request").path("merged").asBoolean(false));
    follower.enlist(clock.instant());
    int changed = 0;
    for (PullRequestWatch.Watched watched : watch.byPullRequest(pr)) {
      changed += outcome.apply(watched.taskId(), pr, state) ? 1 : 0;
    }
    return changed;
  }

  private int issue(JsonNode root) {
    String action = root.path("action").asString("");
    String label = root.path("label").path("name").asString("");
    boolean unlabelled = "unlabeled".equals(action) && properties.isImportLabel(label);
    if (!"closed".equals(action) && !unlabelled) {
      return 0;
    }
    String fullName = root.path("repository").path("full_name").asString("");
    int number = root.path("issue").path("number").asInt(0);
    if (fullName.indexOf('/') < 1 || number < 1) {
      throw ApiException.invalid("issues event without repository.full_name or issue.number");
    }
    String issue = "issue " + fullName + "#" + number;
    return issues.withdrawReady(
        fullName,
        number,
        unlabelled ? issue + " lost the label " + label : issue + " was closed on GitHub");
  }
}
