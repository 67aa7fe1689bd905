package dev.owp.poold.replicas;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real poold: the packaged jar run as a separate process, as operators run it. */
final class PooldProcess implements AutoCloseable {

  private static final Path JAR = Path.of("target", "poold.jar");

  private final Process process;
  private final int port;
  private final Path log;

  private PooldProcess(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  /**
   * Starts {@code java -jar target/poold.jar} with {@code args} and {@code env}; waits until
   * healthy.
   */
  static PooldProcess start(String name, List<String> args, Map<String, String> env, Path logDir) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          JAR.toAbsolutePath() + " is missing: run the tests with ./mvnw verify");
    }
    int port = freePort();
    List<String> command =
        new ArrayList<>(
            List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", JAR.toString()));
    command.addAll(args);
    command.addAll(List.of("--port", Integer.toString(port)));
    Path log = logDir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    try {
      PooldProcess poold = new PooldProcess(builder.start(), port, log);
      poold.awaitHealthy(Duration.ofSeconds(90));
      return poold;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Kills the process without warning, like {@code kill -9}. */
  void killHard() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  boolean alive() {
    return process.isAlive();
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(
          java.util.concurrent.TimeUnit.SECONDS.toMillis(15),
          java.util.concurrent.TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void awaitHealthy(Duration timeout) {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "poold exited during start-up; see " + log.toAbsolutePath());
      }
      try {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(uri().resolve("/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet: poll again below.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      pause();
    }
    close();
    throw new IllegalStateException(
        "poold did not become healthy within " + timeout + "; see " + log.toAbsolutePath());
  }

  private static void pause() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
