package dev.owp.poold.replicas;

import dev.owp.protocol.client.OwpClient;
import dev.owp.protocol.client.OwpUnreachableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * What a load balancer does for the workers: spreads requests over the replicas round-robin, and
 * when one cannot be reached, sends the request to the next. All sessions share one HTTP client.
 */
final class ReplicaRouter {

  private final List<URI> replicas;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final AtomicInteger failovers = new AtomicInteger();

  ReplicaRouter(List<URI> replicas) {
    this.replicas = List.copyOf(replicas);
  }

  /** A session with a worker token and/or the admin token. */
  Session session(String workerToken, String adminToken) {
    return new Session(
        replicas.stream()
            .map(
                uri ->
                    OwpClient.builder(uri)
                        .httpClient(http)
                        .timeout(Duration.ofSeconds(30))
                        .workerToken(workerToken)
                        .adminToken(adminToken)
                        .build())
            .toList());
  }

  int failovers() {
    return failovers.get();
  }

  /** One caller's clients of every replica. */
  final class Session {
    private final List<OwpClient> clients;
    private final AtomicInteger next = new AtomicInteger();

    private Session(List<OwpClient> clients) {
      this.clients = clients;
    }

    /** Runs {@code call} on the next replica, failing over to the others when it is unreachable. */
    <T> T call(Function<OwpClient, T> call) {
      OwpUnreachableException last = null;
      for (int attempt = 0; attempt < clients.size() * 2; attempt++) {
        OwpClient client = clients.get(Math.floorMod(next.getAndIncrement(), clients.size()));
        try {
          return call.apply(client);
        } catch (OwpUnreachableException e) {
          failovers.incrementAndGet();
          last = e;
        }
      }
      throw last;
    }
  }
}
