package dev.owp.poold;

import dev.owp.poold.config.PooldCommand;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** poold, the OWP Pool scheduler service. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PooldApplication {

  /**
   * Parses poold's command line, then starts the service. Exits only on a usage error or when
   * start-up fails; otherwise the web server keeps the process alive.
   */
  public static void main(String[] args) {
    int exitCode = PooldCommand.execute(args);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }
}
