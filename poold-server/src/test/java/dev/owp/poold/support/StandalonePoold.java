package dev.owp.poold.support;

import dev.owp.poold.PooldApplication;
import dev.owp.protocol.client.OwpClient;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A poold started by the test itself rather than by Spring's test context, for tests that stop it
 * and start another on the same database: on a random port, with a fixed admin token and no
 * background cycle to race with.
 */
public final class StandalonePoold {

  private StandalonePoold() {}

  /** Starts poold with {@code adminToken} and {@code properties} such as {@code owp.db=…}. */
  public static ConfigurableApplicationContext start(String adminToken, String... properties) {
    // Default properties rank below application.properties, whose server.port is poold's 8787:
    // the random port goes on the command line, so a poold already running here does not clash.
    return new SpringApplicationBuilder(PooldApplication.class)
        .properties("owp.admin-token=" + adminToken, "owp.cycle=3600")
        .properties(properties)
        .run("--server.port=0");
  }

  /** A client of the poold in {@code context}, with the tokens given (null for none). */
  public static OwpClient client(
      ConfigurableApplicationContext context,
      @Nullable String workerToken,
      @Nullable String adminToken) {
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    return OwpClient.builder(URI.create("http://127.0.0.1:" + port))
        .workerToken(workerToken)
        .adminToken(adminToken)
        .build();
  }
}
