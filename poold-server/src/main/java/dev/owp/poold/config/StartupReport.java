package dev.owp.poold.config;

import dev.owp.poold.storage.DatabaseLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says once where poold listens and what it serves, when the web server is up. */
@Component
class StartupReport implements ApplicationListener<WebServerInitializedEvent> {

  private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

  private final DatabaseLocation database;
  private final PooldProperties properties;
  private final Environment env;

  StartupReport(DatabaseLocation database, PooldProperties properties, Environment env) {
    this.database = database;
    this.properties = properties;
    this.env = env;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    String host = env.getProperty("server.address", "127.0.0.1");
    String base =
        "http://"
            + (host.contains(":") ? "[" + host + "]" : host)
            + ":"
            + event.getWebServer().getPort();
    log.info(
        "poold {} ready on {} ({}); lease TTL {} s, heartbeat TTL {} s, cycle {} s. "
            + "Dashboard {}/ , API docs {}/swagger-ui.html",
        PooldCommand.version(),
        base,
        database.describe(),
        properties.leaseTtl().toSeconds(),
        properties.heartbeatTtl().toSeconds(),
        properties.cycle().toSeconds(),
        base,
        base);
  }
}
