package dev.owp.poold.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Keeps poold's resident memory close to what it uses. poold is started with a plain {@code java
 * -jar}, so the JVM sizes its heap for the whole machine and, left alone, keeps every page it ever
 * touched. Once started, poold asks G1 to give memory back after collections and during quiet
 * periods, through the flags the JVM lets a running program change. A flag the operator set on the
 * command line is left as it is.
 */
@Component
class HeapFootprint implements ApplicationListener<ApplicationReadyEvent> {

  private static final Logger log = LoggerFactory.getLogger(HeapFootprint.class);

  /** Manageable flags and the values poold prefers, in the order they must be set. */
  private static final List<Map.Entry<String, String>> PREFERRED =
      List.of(
          // Shrink the heap after a collection when more than 30 % of it is free (the minimum
          // first: the JVM refuses a maximum below the current minimum).
          Map.entry("MinHeapFreeRatio", "10"),
          Map.entry("MaxHeapFreeRatio", "30"),
          // A concurrent cycle after 30 s without one, so an idle poold returns memory too.
          Map.entry("G1PeriodicGCInterval", "30000"));

  @Override
  public void onApplicationEvent(@Nullable ApplicationReadyEvent event) {
    HotSpotDiagnosticMXBean vm;
    try {
      vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
    } catch (RuntimeException e) {
      return; // not a HotSpot JVM: nothing to tune
    }
    for (Map.Entry<String, String> preferred : PREFERRED) {
      String flag = preferred.getKey();
      try {
        VMOption current = vm.getVMOption(flag);
        if (current.getOrigin() == VMOption.Origin.DEFAULT && current.isWriteable()) {
          vm.setVMOption(flag, preferred.getValue());
        }
      } catch (IllegalArgumentException e) {
        // Unknown to this JVM or this collector: the defaults stay.
        log.debug("JVM flag {} left alone: {}", flag, e.getMessage());
      }
    }
  }
}
