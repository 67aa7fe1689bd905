package dev.owp.cli.bench;

import dev.owp.cli.common.Table;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The human-readable report: the verdict, throughput, a latency table and the errors. */
final class BenchReportPrinter {

  private final PrintWriter out;

  BenchReportPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(BenchReport report) {
    out.println();
    String verdict;
    if (!report.violations().isEmpty()) {
      verdict = "FAILED";
    } else if (report.exactlyOnce()) {
      verdict = "OK, every task completed exactly once";
    } else {
      verdict = "INCOMPLETE (--duration ran out; no task was merged twice)";
    }
    BenchReport.WarmUp warmUp = report.warmUp();
    double warmUpSeconds = warmUp == null ? 0 : warmUp.seconds();
    out.printf(
        "%s: %d of %d tasks merged in %.1f s%n",
        verdict, report.completed(), report.tasks(), warmUpSeconds + report.seconds());
    report.violations().forEach(violation -> out.println("  violation: " + violation));
    if (warmUp != null) {
      out.printf(
          "  warm-up    %.1f s, left out of the figures: %,d tasks merged, %,d requests%n",
          warmUp.seconds(), warmUp.completed(), warmUp.requests());
    }
    printPoold(report.poold());
    if (!report.measured()) {
      out.println("  nothing measured: every task was merged within the warm-up");
      printErrors(report);
      out.flush();
      return;
    }
    out.printf(
        "  completed  %,.1f tasks/s (%,d tasks in %.1f s)%n",
        report.completedPerSecond(), report.completedMeasured(), report.seconds());
    out.printf(
        "  requests   %,.1f req/s (%,d requests)%n", report.requestsPerSecond(), report.requests());
    out.println();

    Map<String, LatencySummary> server =
        report.serverSide() == null ? Map.of() : report.serverSide().latency();
    Table latency =
        Table.of(
            "endpoint",
            "requests",
            "p50 ms",
            "p95 ms",
            "p99 ms",
            "max ms",
            "server p50",
            "server p95",
            "server p99");
    report
        .latency()
        .forEach(
            (endpoint, client) -> {
              LatencySummary seen = server.get(endpoint);
              latency.row(
                  endpoint,
                  client.count(),
                  ms(client.p50Ms()),
                  ms(client.p95Ms()),
                  ms(client.p99Ms()),
                  ms(client.maxMs()),
                  seen == null ? null : "≤" + ms(seen.p50Ms()),
                  seen == null ? null : "≤" + ms(seen.p95Ms()),
                  seen == null ? null : "≤" + ms(seen.p99Ms()));
            });
    latency.print(
        out,
        (warmUp == null ? "Latency" : "Latency after the warm-up")
            + " (client side; server side from poold's histograms)");
    out.println();

    printErrors(report);
    if (report.serverSide() == null) {
      out.println("Server figures: not available (poold exposes no /actuator/prometheus)");
    } else if (!report.serverSide().counters().isEmpty()) {
      out.println();
      Table counters =
          Table.of("poold counter", warmUp == null ? "during the run" : "after the warm-up");
      report.serverSide().counters().forEach(counters::row);
      counters.print(out, null);
    }
    out.flush();
  }

  /** What poold ran on: one line for one replica or for replicas alike, else one per replica. */
  private void printPoold(List<PooldJvm> replicas) {
    Set<String> alike = new LinkedHashSet<>();
    replicas.forEach(replica -> alike.add(replica.describe()));
    if (alike.size() == 1) {
      String count = replicas.size() == 1 ? "" : replicas.size() + " replicas, each ";
      out.printf("  poold      %s%s%n", count, alike.iterator().next());
    } else {
      replicas.forEach(
          replica -> out.printf("  poold      %s: %s%n", replica.server(), replica.describe()));
    }
  }

  private void printErrors(BenchReport report) {
    if (report.errors().isEmpty()) {
      out.println("Errors: none");
    } else {
      Table errors = Table.of("errors", "count");
      report.errors().forEach(errors::row);
      errors.print(out, null);
    }
  }

  private static @Nullable String ms(double millis) {
    return Double.isInfinite(millis) ? "inf" : String.format("%.2f", millis);
  }
}
