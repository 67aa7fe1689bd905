package dev.owp.poold.auth;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers worker and admin authentication with Spring MVC. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration implements WebMvcConfigurer {

  private final WorkerTokenResolver workerTokens;
  private final AdminTokenInterceptor adminTokens;

  AuthConfiguration(WorkerTokenResolver workerTokens, AdminTokenInterceptor adminTokens) {
    this.workerTokens = workerTokens;
    this.adminTokens = adminTokens;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(workerTokens);
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(adminTokens).addPathPatterns(AdminToken.PATHS);
  }
}
