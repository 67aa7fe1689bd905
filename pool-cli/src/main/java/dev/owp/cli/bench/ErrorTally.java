package dev.owp.cli.bench;

import dev.owp.protocol.client.OwpProblemException;
import dev.owp.protocol.client.OwpUnreachableException;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Failed requests by kind, e.g. {@code GET /v1/work: HTTP 503 unavailable}. */
final class ErrorTally {

  private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

  void record(Endpoint endpoint, RuntimeException e) {
    counts.computeIfAbsent(endpoint + ": " + kind(e), key -> new LongAdder()).increment();
  }

  long total() {
    return counts.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> byKind() {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((kind, count) -> sorted.put(kind, count.sum()));
    return sorted;
  }

  private static String kind(RuntimeException e) {
    if (e instanceof OwpProblemException problem) {
      return "HTTP "
          + problem.status()
          + problem
              .type()
              .map(type -> " " + type.name().toLowerCase(java.util.Locale.ROOT))
              .orElse("");
    }
    if (e instanceof OwpUnreachableException) {
      return "unreachable";
    }
    return e.getClass().getSimpleName();
  }
}
