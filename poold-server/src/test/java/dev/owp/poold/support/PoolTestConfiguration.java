package dev.owp.poold.support;

import dev.owp.protocol.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with one the tests move by hand. */
@TestConfiguration(proxyBeanMethods = false)
public class PoolTestConfiguration {

  @Bean
  @Primary
  MutableClock mutableClock() {
    return MutableClock.standing();
  }
}
