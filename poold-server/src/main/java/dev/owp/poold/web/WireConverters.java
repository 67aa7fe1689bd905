package dev.owp.poold.web;

import dev.owp.protocol.event.EventType;
import dev.owp.protocol.task.TaskStatus;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Query parameters use wire names ({@code status=in_progress}, {@code type=task.leased}). */
@Configuration(proxyBeanMethods = false)
class WireConverters implements WebMvcConfigurer {

  @Override
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, TaskStatus.class, TaskStatus::fromWire);
    registry.addConverter(String.class, EventType.class, EventType::fromWire);
  }
}
