package dev.owp.poold.config;

import dev.owp.poold.auth.AdminToken;
import dev.owp.poold.auth.AuthenticatedWorker;
import dev.owp.poold.web.Refuses;
import dev.owp.protocol.problem.ProblemType;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The OpenAPI description ({@code /v3/api-docs}): every operation names the credential it needs — a
 * worker's bearer token where the handler takes an {@link AuthenticatedWorker}, the admin token on
 * {@link AdminToken#PATHS} — and the RFC 9457 problems it may answer with. The same two rules
 * decide authentication at run time, so the description cannot drift from it.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

  /** Security scheme of worker endpoints: the token from registration, as a bearer token. */
  static final String WORKER = "worker";

  /** Security scheme of admin endpoints: the {@code X-Admin-Token} header. */
  static final String ADMIN = "admin";

  private static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final PathPattern ADMIN_PATHS =
      PathPatternParser.defaultInstance.parse(AdminToken.PATHS);

  static {
    // Resolved from the Authorization header by poold, never sent as a parameter.
    SpringDocUtils.getConfig().addRequestWrapperToIgnore(AuthenticatedWorker.class);
  }

  @Bean
  OpenAPI owpOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("OWP Pool API")
                .version("v1")
                .description(
                    "The Open Work Protocol as poold implements it. Workers authenticate with "
                        + "Authorization: Bearer <token>; admin endpoints need X-Admin-Token. "
                        + "Errors are RFC 9457 problem details. See docs/owp-spec.md."))
        .components(
            new Components()
                .addSecuritySchemes(
                    WORKER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                .addSecuritySchemes(
                    ADMIN,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name(AdminToken.HEADER))
                .addSchemas(PROBLEM, problemSchema()));
  }

  @Bean
  OperationCustomizer credentialsAndProblems() {
    return (operation, handler) -> {
      boolean worker = takesWorker(handler);
      boolean admin = underAdminPaths(handler);
      if (worker) {
        operation.addSecurityItem(new SecurityRequirement().addList(WORKER));
      }
      if (admin) {
        operation.addSecurityItem(new SecurityRequirement().addList(ADMIN));
      }
      document(operation, problems(handler, worker || admin));
      return operation;
    };
  }

  private static boolean takesWorker(HandlerMethod handler) {
    return Arrays.stream(handler.getMethodParameters())
        .anyMatch(parameter -> parameter.getParameterType() == AuthenticatedWorker.class);
  }

  private static boolean underAdminPaths(HandlerMethod handler) {
    RequestMapping type =
        AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), RequestMapping.class);
    RequestMapping method =
        AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
    for (String prefix : paths(type)) {
      for (String path : paths(method)) {
        if (ADMIN_PATHS.matches(PathContainer.parsePath(prefix + path))) {
          return true;
        }
      }
    }
    return false;
  }

  private static String[] paths(@Nullable RequestMapping mapping) {
    return mapping == null || mapping.path().length == 0 ? new String[] {""} : mapping.path();
  }

  /**
   * What the signature implies (a body may be malformed, invalid or too large; path and query
   * values may be invalid; a path id may name nothing; a credential may be wrong), plus what the
   * handler declares with {@link Refuses}.
   */
  private static Set<ProblemType> problems(HandlerMethod handler, boolean authenticated) {
    Set<ProblemType> problems = EnumSet.noneOf(ProblemType.class);
    for (MethodParameter parameter : handler.getMethodParameters()) {
      if (parameter.hasParameterAnnotation(RequestBody.class)) {
        problems.addAll(
            EnumSet.of(
                ProblemType.INVALID_REQUEST,
                ProblemType.MALFORMED_JSON,
                ProblemType.PAYLOAD_TOO_LARGE,
                ProblemType.UNSUPPORTED_MEDIA_TYPE));
      }
      if (parameter.hasParameterAnnotation(RequestParam.class)) {
        problems.add(ProblemType.INVALID_REQUEST);
      }
      if (parameter.hasParameterAnnotation(PathVariable.class)) {
        problems.addAll(EnumSet.of(ProblemType.INVALID_REQUEST, ProblemType.NOT_FOUND));
      }
    }
    if (authenticated) {
      problems.add(ProblemType.UNAUTHENTICATED);
    }
    Refuses refuses = handler.getMethodAnnotation(Refuses.class);
    if (refuses != null) {
      problems.addAll(Arrays.asList(refuses.value()));
    }
    return problems;
  }

  /** One problem+json response per status, naming the problem types it stands for. */
  private static void document(Operation operation, Set<ProblemType> problems) {
    Map<Integer, String> byStatus =
        problems.stream()
            .collect(
                Collectors.groupingBy(
                    ProblemType::status,
                    TreeMap::new,
                    Collectors.mapping(
                        type -> type.title() + " (" + type.uri() + ")", Collectors.joining("; "))));
    if (operation.getResponses() == null) {
      operation.setResponses(new ApiResponses());
    }
    byStatus.forEach(
        (status, description) ->
            operation
                .getResponses()
                .addApiResponse(
                    Integer.toString(status),
                    new ApiResponse()
                        .description(description)
                        .content(
                            new Content()
                                .addMediaType(
                                    PROBLEM_JSON,
                                    new MediaType()
                                        .schema(
                                            new Schema<>()
                                                .$ref("#/components/schemas/" + PROBLEM))))));
  }

  private static Schema<?> problemSchema() {
    return new ObjectSchema()
        .description(
            "An RFC 9457 problem detail; extension members such as task_id may follow."
                + " Clients branch on type.")
        .addProperty("type", new StringSchema().format("uri"))
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema().format("uri-reference"))
        .additionalProperties(true);
  }
}
