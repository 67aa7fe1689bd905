package dev.owp.poold.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.owp.protocol.lease.LeaseRules;
import dev.owp.protocol.scheduling.Presence;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Binding of {@code owp.*}: the defaults are the protocol's, and bad values stop the start. */
class PooldPropertiesTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner().withUserConfiguration(Binding.class);

  // Not a @Configuration: poold's component scan must never pick it up in other tests.
  @EnableConfigurationProperties(PooldProperties.class)
  static class Binding {}

  @Test
  void theDefaultsAreTheProtocolsDefaults() {
    runner
        .withPropertyValues("owp.db=pool.db")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              PooldProperties properties = context.getBean(PooldProperties.class);
              assertThat(properties.leaseTtl()).isEqualTo(LeaseRules.DEFAULT_TTL);
              assertThat(properties.heartbeatTtl()).isEqualTo(Presence.DEFAULT_HEARTBEAT_TTL);
              assertThat(properties.cycle()).isEqualTo(LeaseRules.DEFAULT_CYCLE);
              assertThat(properties.eventRetention()).isEqualTo(Duration.ofDays(90));
              assertThat(properties.sqliteReaders()).isEqualTo(4);
            });
  }

  @Test
  void bareNumbersAreSeconds() {
    runner
        .withPropertyValues(
            "owp.db=pool.db", "owp.lease-ttl=60", "owp.heartbeat-ttl=15", "owp.cycle=2")
        .run(
            context -> {
              PooldProperties properties = context.getBean(PooldProperties.class);
              assertThat(properties.leaseTtl()).isEqualTo(Duration.ofSeconds(60));
              assertThat(properties.heartbeatTtl()).isEqualTo(Duration.ofSeconds(15));
              assertThat(properties.cycle()).isEqualTo(Duration.ofSeconds(2));
            });
  }

  @Test
  void aZeroLeaseTtlFailsTheStart() {
    runner
        .withPropertyValues("owp.db=pool.db", "owp.lease-ttl=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("lease-ttl must be positive, got 0 s"));
  }

  @Test
  void aNegativeCycleFailsTheStart() {
    runner
        .withPropertyValues("owp.db=pool.db", "owp.cycle=-1")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessage("cycle must be positive, got -1 s"));
  }

  @Test
  void aMissingDatabaseFailsTheStart() {
    runner.run(
        context ->
            assertThat(context)
                .getFailure()
                .rootCause()
                .hasMessage("owp.db is required: pass --db pool.db"));
  }

  @Test
  void aValueThatIsNoDurationFailsTheStart() {
    runner
        .withPropertyValues("owp.db=pool.db", "owp.heartbeat-ttl=soon")
        .run(context -> assertThat(context).hasFailed());
  }
}
