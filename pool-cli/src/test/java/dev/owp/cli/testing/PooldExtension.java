package dev.owp.cli.testing;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects a {@link PooldServer}: the default one, or with {@link ShortLeases} one whose leases
 * lapse after a few seconds. Each is started once per test JVM, shared by every test that asks for
 * it, and stopped when the test run ends (the root store closes it). Tests share one database, so
 * each uses its own repositories and skills.
 *
 * <p>poold takes seconds to start, so the first request starts both kinds at once, in parallel: the
 * test run waits for one start-up instead of two.
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
    Poolds poolds =
        context
            .getRoot()
            .getStore(POOLD)
            .computeIfAbsent(Poolds.class, kind -> new Poolds(), Poolds.class);
    return parameter.isAnnotated(ShortLeases.class) ? poolds.shortLeases() : poolds.standard();
  }

  /** The two test poolds, starting in the background. */
  static final class Poolds implements AutoCloseable {

    private final CompletableFuture<PooldServer> standard =
        CompletableFuture.supplyAsync(PooldServer::start, Poolds::starter);
    private final CompletableFuture<PooldServer> shortLeases =
        CompletableFuture.supplyAsync(
            () -> PooldServer.start("--lease-ttl", "3", "--heartbeat-ttl", "2", "--cycle", "1"),
            Poolds::starter);

    /**
     * A thread of its own per start: the common pool may have a single thread on small machines.
     */
    private static void starter(Runnable start) {
      Thread thread = new Thread(start, "poold start");
      thread.setDaemon(true);
      thread.start();
    }

    PooldServer standard() {
      return started(standard);
    }

    PooldServer shortLeases() {
      return started(shortLeases);
    }

    private static PooldServer started(CompletableFuture<PooldServer> server) {
      try {
        return server.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }

    @Override
    public void close() {
      for (CompletableFuture<PooldServer> server : List.of(standard, shortLeases)) {
        server.thenAccept(PooldServer::close).exceptionally(e -> null).join();
      }
    }
  }
}
