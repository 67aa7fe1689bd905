package dev.owp.cli.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * poold's own figures, read from {@code /actuator/prometheus} before and after a run: request
 * latency histograms per endpoint and the scheduler's counters. The difference of two scrapes
 * covers exactly the run, whatever the server did before.
 */
final class ServerMetrics {

  private static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
  private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

  /**
   * One scrape: cumulative bucket counts per endpoint ({@code "GET /v1/work"} → upper bound in
   * seconds → requests at or below it), the counters by name and labels, the JVM of each replica
   * scraped, and the URLs that answered as a replica already scraped, each to that replica's URL.
   */
  record Scrape(
      Map<String, TreeMap<Double, Double>> buckets,
      Map<String, Double> counters,
      List<PooldJvm> jvms,
      Map<String, String> repeats) {

    static final Scrape EMPTY = new Scrape(Map.of(), Map.of(), List.of(), Map.of());

    /**
     * This scrape and {@code other}, one more replica's, added up. When {@code other} is a poold
     * that this scrape already holds, reached by another URL, only that repeat is recorded: its
     * figures would count twice.
     */
    Scrape plus(Scrape other) {
      Map<String, String> bothRepeats = new LinkedHashMap<>(repeats);
      bothRepeats.putAll(other.repeats);
      for (PooldJvm jvm : other.jvms) {
        for (PooldJvm held : jvms) {
          if (jvm.sameProcessAs(held)) {
            bothRepeats.put(jvm.server(), held.server());
            return new Scrape(buckets, counters, jvms, bothRepeats);
          }
        }
      }
      Map<String, TreeMap<Double, Double>> sumBuckets = new HashMap<>();
      for (Scrape scrape : List.of(this, other)) {
        scrape.buckets.forEach(
            (endpoint, counts) ->
                counts.forEach(
                    (le, n) ->
                        sumBuckets
                            .computeIfAbsent(endpoint, e -> new TreeMap<>())
                            .merge(le, n, Double::sum)));
      }
      Map<String, Double> sumCounters = new LinkedHashMap<>(counters);
      other.counters.forEach((name, value) -> sumCounters.merge(name, value, Double::sum));
      List<PooldJvm> bothJvms = new ArrayList<>(jvms);
      bothJvms.addAll(other.jvms);
      return new Scrape(sumBuckets, sumCounters, bothJvms, bothRepeats);
    }

    /** What happened between {@code before} and this scrape. */
    Figures since(Scrape before) {
      Map<String, LatencySummary> latency = new TreeMap<>();
      buckets.forEach(
          (endpoint, after) -> {
            TreeMap<Double, Double> earlier =
                before.buckets.getOrDefault(endpoint, new TreeMap<>());
            TreeMap<Double, Double> delta = new TreeMap<>();
            after.forEach((le, n) -> delta.put(le, n - earlier.getOrDefault(le, 0.0)));
            double total = delta.isEmpty() ? 0 : delta.lastEntry().getValue();
            if (total > 0) {
              latency.put(
                  endpoint,
                  new LatencySummary(
                      (long) total,
                      upperBoundMillis(delta, total, 0.50),
                      upperBoundMillis(delta, total, 0.95),
                      upperBoundMillis(delta, total, 0.99),
                      upperBoundMillis(delta, total, 1.0)));
            }
          });
      Map<String, Long> counts = new TreeMap<>();
      counters.forEach(
          (name, value) ->
              counts.put(name, Math.round(value - before.counters.getOrDefault(name, 0.0))));
      return new Figures(latency, counts);
    }

    /** The upper bound of the first bucket holding the q-quantile: an upper estimate. */
    private static double upperBoundMillis(TreeMap<Double, Double> delta, double total, double q) {
      for (Map.Entry<Double, Double> bucket : delta.entrySet()) {
        if (bucket.getValue() >= q * total) {
          return bucket.getKey().isInfinite()
              ? Double.POSITIVE_INFINITY
              : Math.round(bucket.getKey() * 1_000_000) / 1_000.0;
        }
      }
      return Double.POSITIVE_INFINITY;
    }
  }

  /**
   * The server's side of a run.
   *
   * @param latency per endpoint; percentiles are bucket upper bounds (at most ~25 % above the true
   *     value)
   * @param counters scheduler counters, e.g. {@code owp_leases_granted_total}
   */
  record Figures(Map<String, LatencySummary> latency, Map<String, Long> counters) {}

  private final HttpClient http;
  private final List<URI> replicas;

  /** The metrics of {@code replicas}, added up: requests and counters of all of them. */
  ServerMetrics(HttpClient http, List<URI> replicas) {
    this.http = http;
    this.replicas = List.copyOf(replicas);
  }

  /**
   * A scrape of every replica, added up, each poold once; empty when one exposes no Prometheus
   * metrics.
   */
  Optional<Scrape> scrape() {
    Scrape total = Scrape.EMPTY;
    for (URI replica : replicas) {
      Optional<Scrape> one = fetch(replica).map(text -> parse(replica.toString(), text));
      if (one.isEmpty()) {
        return Optional.empty();
      }
      total = total.plus(one.get());
    }
    return Optional.of(total);
  }

  private Optional<String> fetch(URI replica) {
    URI endpoint = URI.create(replica + "/actuator/prometheus");
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** A scrape of {@code server}, whose answer was {@code text}. */
  static Scrape parse(String server, String text) {
    List<Sample> samples = samples(text);
    Map<String, TreeMap<Double, Double>> buckets = new HashMap<>();
    Map<String, Double> counters = new LinkedHashMap<>();
    for (Sample sample : samples) {
      Map<String, String> labels = sample.labels();
      if (sample.name().equals("http_server_requests_seconds_bucket")) {
        String key = labels.get("method") + " " + labels.get("uri");
        double le =
            Double.parseDouble(labels.getOrDefault("le", "+Inf").replace("+Inf", "Infinity"));
        buckets.computeIfAbsent(key, k -> new TreeMap<>()).merge(le, sample.value(), Double::sum);
      } else if (sample.name().startsWith("owp_") && sample.name().endsWith("_total")) {
        String key = labels.isEmpty() ? sample.name() : sample.name() + labels;
        counters.merge(key, sample.value(), Double::sum);
      }
    }
    return new Scrape(buckets, counters, List.of(jvm(server, samples)), Map.of());
  }

  /**
   * The JVM that a scrape of {@code server} describes: Micrometer's {@code jvm_info}, {@code
   * jvm_memory_max_bytes} of the heap pools (-1 for a pool without a limit of its own, as G1's
   * young pools), {@code system_cpu_count} and {@code process_start_time_seconds}.
   */
  private static PooldJvm jvm(String server, List<Sample> samples) {
    String java = null;
    long heapLimit = 0;
    boolean limited = false;
    Integer cpus = null;
    Instant started = null;
    for (Sample sample : samples) {
      switch (sample.name()) {
        case "jvm_info" -> java = sample.labels().get("version");
        case "jvm_memory_max_bytes" -> {
          if ("heap".equals(sample.labels().get("area")) && sample.value() >= 0) {
            heapLimit += (long) sample.value();
            limited = true;
          }
        }
        case "system_cpu_count" -> cpus = (int) sample.value();
        // The JVM's start in milliseconds, divided by 1,000: rounding gets the millisecond back.
        case "process_start_time_seconds" ->
            started = Instant.ofEpochMilli(Math.round(sample.value() * 1_000));
        default -> {}
      }
    }
    return new PooldJvm(server, java, limited ? heapLimit / (1024 * 1024) : null, cpus, started);
  }

  /** One line of the exposition format: a metric's name, its labels and its value. */
  private record Sample(String name, Map<String, String> labels, double value) {}

  private static List<Sample> samples(String text) {
    List<Sample> samples = new ArrayList<>();
    for (String line : text.split("\n")) {
      Matcher sample = SAMPLE.matcher(line.strip());
      if (!line.startsWith("#") && sample.matches()) {
        samples.add(
            new Sample(
                sample.group(1), labels(sample.group(2)), Double.parseDouble(sample.group(3))));
      }
    }
    return samples;
  }

  private static Map<String, String> labels(@Nullable String text) {
    Map<String, String> labels = new TreeMap<>();
    if (text != null) {
      Matcher label = LABEL.matcher(text);
      while (label.find()) {
        labels.put(label.group(1), label.group(2));
      }
    }
    return labels;
  }
}
