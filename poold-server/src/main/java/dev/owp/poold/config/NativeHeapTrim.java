package dev.owp.poold.config;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import javax.management.JMException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gives the C heap's free memory back to the operating system every few seconds.
 *
 * <p>The JIT compiler borrows tens of megabytes for one large compilation (Jackson's list
 * serializer, compiled for the answers of a large bulk import, took 65 MB for five seconds) and
 * frees them again, but the C library keeps what was freed, so a poold that compiled once stays
 * that large: on Java 17 that was about 100 MB of its resident memory. The JVM can trim the C heap
 * on a timer ({@code -XX:TrimNativeHeapInterval}), but that flag cannot be changed on a running
 * JVM, and poold is started with a plain {@code java -jar}; so poold runs the same trim itself,
 * through the JVM's {@code System.trim_native_heap} diagnostic command. An operator who set the
 * flag gets the JVM's own timer instead, and a JVM without the command (one not on the GNU C
 * library) is left alone.
 */
@Component
class NativeHeapTrim {

  private static final Logger log = LoggerFactory.getLogger(NativeHeapTrim.class);

  private static final String FLAG = "TrimNativeHeapInterval";

  /** False once the trim is found not wanted or not possible; then it is never tried again. */
  private boolean available = wanted(flag());

  /** Trims the C heap; true when the JVM did (false when it cannot, or the operator trims). */
  @Scheduled(initialDelay = 5, fixedDelay = 5, timeUnit = TimeUnit.SECONDS)
  boolean trim() {
    if (!available) {
      return false;
    }
    try {
      long start = System.nanoTime();
      String outcome = DiagnosticCommands.run("systemTrimNativeHeap");
      // On a C library it cannot trim, the command says so instead of trimming.
      available = outcome.contains("RSS");
      log.debug("{} in {} ms", outcome.strip(), (System.nanoTime() - start) / 100_000 / 10.0);
    } catch (JMException | RuntimeException e) {
      available = false;
      log.debug("The C heap is not trimmed: {}", e.getMessage());
    }
    return available;
  }

  /** Whether poold should trim: the JVM knows the flag, and the operator left it at its default. */
  static boolean wanted(@Nullable VMOption flag) {
    return flag != null && flag.getOrigin() == VMOption.Origin.DEFAULT;
  }

  private static @Nullable VMOption flag() {
    try {
      return ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption(FLAG);
    } catch (RuntimeException e) {
      return null; // not a HotSpot JVM, or one older than the trim
    }
  }
}
