package dev.owp.cli.bench;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The JVM a poold replica ran a run on, from its {@code /actuator/prometheus}: figures measured on
 * Java 17 and Java 25, or with and without a heap limit, are not comparable, and a report should
 * say which it was.
 *
 * @param server the replica's URL
 * @param java the JVM's version ({@code jvm_info}), or null when poold does not say
 * @param heapLimitMib the most heap it may use, in MiB (the sum of its heap pools' limits), or null
 *     when none of them has a limit
 * @param cpus the processors it sees, or null when poold does not say
 * @param started when its process started, to the millisecond, or null when poold does not say
 */
record PooldJvm(
    String server,
    @Nullable String java,
    @Nullable Long heapLimitMib,
    @Nullable Integer cpus,
    @Nullable Instant started) {

  /**
   * Whether {@code other} is this same process under another URL (127.0.0.1 and localhost, say):
   * the same JVM, started in the same millisecond.
   */
  boolean sameProcessAs(PooldJvm other) {
    return started != null
        && started.equals(other.started)
        && Objects.equals(java, other.java)
        && Objects.equals(heapLimitMib, other.heapLimitMib)
        && Objects.equals(cpus, other.cpus);
  }

  /** In words, e.g. {@code Java 17.0.15, heap limit 192 MiB, 2 CPUs}. */
  String describe() {
    return (java == null ? "Java version unknown" : "Java " + java)
        + (heapLimitMib == null ? ", no heap limit" : ", heap limit " + heapLimitMib + " MiB")
        + (cpus == null ? "" : ", " + cpus + (cpus == 1 ? " CPU" : " CPUs"));
  }
}
