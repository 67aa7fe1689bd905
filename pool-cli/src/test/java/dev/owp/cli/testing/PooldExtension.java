package dev.owp.cli.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link PooldServer}. Each kind is started once per test JVM, shared by every test that
 * asks for it, and stopped when the test run ends (the root store closes it). Tests share one
 * database, so each uses its own repositories and skills.
 */
public final class PooldExtension implements ParameterResolver {

  private static final ExtensionContext.Namespace POOLD =
      ExtensionContext.Namespace.create(PooldExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == PooldServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    boolean shortLeases = parameter.isAnnotated(ShortLeases.class);
    return context
        .getRoot()
        .getStore(POOLD)
        .computeIfAbsent(
            shortLeases ? "short-leases" : "default",
            kind ->
                shortLeases
                    ? PooldServer.start("--lease-ttl", "3", "--heartbeat-ttl", "2", "--cycle", "1")
                    : PooldServer.start(),
            PooldServer.class);
  }
}
