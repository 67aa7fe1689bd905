package dev.owp.poold.auth;

import dev.owp.poold.web.ApiException;
import dev.owp.protocol.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/** Guards {@code /v1/admin/**}: the {@code X-Admin-Token} header must hold the admin token. */
@Component
class AdminTokenInterceptor implements HandlerInterceptor {

  private final AdminToken adminToken;

  AdminTokenInterceptor(AdminToken adminToken) {
    this.adminToken = adminToken;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    String presented = request.getHeader(AdminToken.HEADER);
    if (presented == null || presented.isBlank()) {
      throw new ApiException(ProblemType.UNAUTHENTICATED, "Missing X-Admin-Token header");
    }
    if (!adminToken.matches(presented.strip())) {
      throw new ApiException(ProblemType.UNAUTHENTICATED, "Invalid admin token");
    }
    return true;
  }
}
