package dev.owp.cli.testing;

import dev.owp.protocol.client.OwpAdminClient;
import dev.owp.protocol.client.OwpClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real poold, started from {@code poold-server/target/poold.jar} on a free port with a fresh
 * SQLite database, and stopped on {@link #close}.
 */
public final class PooldServer implements AutoCloseable {

  /** The admin token every test poold is started with. */
  public static final String ADMIN_TOKEN = "cli-test-admin-token-0123456789";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

  private final Process process;
  private final URI url;
  private final Path dir;

  private PooldServer(Process process, URI url, Path dir) {
    this.process = process;
    this.url = url;
    this.dir = dir;
  }

  /** Starts poold with {@code extraArgs}, waiting until {@code /healthz} answers. */
  public static PooldServer start(String... extraArgs) {
    Path jar =
        Path.of(System.getProperty("owp.test.poold-jar", "../poold-server/target/poold.jar"))
            .toAbsolutePath()
            .normalize();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "The CLI tests run against a real poold, but "
              + jar
              + " is missing: build it first with "
              + "./mvnw -pl poold-server -am package -DskipTests (the reactor builds it before pool-cli)");
    }
    try {
      Path dir = Files.createTempDirectory("poold-cli-test-");
      int port = freePort();
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto"));
      command.addAll(List.of("-jar", jar.toString(), "--db", dir.resolve("pool.db").toString()));
      command.addAll(List.of("--port", String.valueOf(port)));
      command.addAll(List.of(extraArgs));
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("poold.log").toFile());
      builder.environment().keySet().removeIf(name -> name.startsWith("OWP_"));
      builder.environment().put("OWP_ADMIN_TOKEN", ADMIN_TOKEN);
      PooldServer server =
          new PooldServer(builder.start(), URI.create("http://127.0.0.1:" + port), dir);
      server.awaitHealthy();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A port nothing listens on (at the moment of asking). */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
  public URI url() {
    return url;
  }

  /** An admin client of this poold. */
  public OwpAdminClient admin() {
    return OwpClient.builder(url).adminToken(ADMIN_TOKEN).build().admin();
  }

  /** A worker client of this poold. */
  public OwpClient worker(String token) {
    return OwpClient.builder(url).workerToken(token).build();
  }

  private void awaitHealthy() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "poold exited with code " + process.exitValue() + " at start:\n" + log());
      }
      try {
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/healthz")).build();
        if (http.send(health, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // Not listening yet: poll again below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Eventually.pause(Duration.ofMillis(100));
    }
    close();
    throw new IllegalStateException("poold did not answer within " + START_TIMEOUT + ":\n" + log());
  }

  private String log() {
    try {
      List<String> lines = Files.readAllLines(dir.resolve("poold.log"));
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(15, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
