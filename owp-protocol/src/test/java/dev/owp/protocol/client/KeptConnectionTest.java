package dev.owp.protocol.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.owp.protocol.client.HttpTransport.Header;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HTTP/1.1 on one kept connection, against a server that answers with the bytes it is given. */
class KeptConnectionTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final RawServer server = new RawServer();
  private final KeptConnection connection = new KeptConnection(server.uri(), TIMEOUT);

  @AfterEach
  void close() {
    connection.close();
    server.close();
  }

  private Exchange.Answer get(String path) throws IOException {
    return send("GET", path, null, TIMEOUT);
  }

  private Exchange.Answer send(String method, String path, @Nullable String body, Duration timeout)
      throws IOException {
    return connection.send(
        new Exchange.Request(
            method,
            URI.create(server.uri() + path),
            List.of(new Header("Accept", "application/json")),
            body,
            timeout));
  }

  private static String withLength(int status, String body) {
    return "HTTP/1.1 "
        + status
        + " \r\nContent-Type: application/json\r\nContent-Length: "
        + body.getBytes(StandardCharsets.UTF_8).length
        + "\r\n\r\n"
        + body;
  }

  @Test
  void answersFollowOneAnotherOnOneConnection() throws IOException {
    server.reply(withLength(200, "{\"n\":1}"));
    server.reply(withLength(409, "{\"n\":2}"));
    server.reply(withLength(200, "{\"n\":\"é\"}"));

    assertThat(get("/a")).isEqualTo(new Exchange.Answer(200, "{\"n\":1}"));
    assertThat(get("/b")).isEqualTo(new Exchange.Answer(409, "{\"n\":2}"));
    assertThat(get("/c")).isEqualTo(new Exchange.Answer(200, "{\"n\":\"é\"}"));
    assertThat(connection.opened()).isEqualTo(1);
    assertThat(server.connections()).isEqualTo(1);
  }

  @Test
  void theRequestCarriesItsHostItsHeadersAndItsBodyWithItsLength() throws IOException {
    server.reply(withLength(200, "{}"));

    send("POST", "/v1/tasks/t%2F1/status?x=1", "{\"status\":\"merged\"}", TIMEOUT);

    String request = server.requests().get(0);
    assertThat(request)
        .startsWith("POST /v1/tasks/t%2F1/status?x=1 HTTP/1.1\r\n")
        .contains("\r\nHost: 127.0.0.1:" + server.port() + "\r\n")
        .contains("\r\nAccept: application/json\r\n")
        .contains("\r\nContent-Length: 19\r\n")
        .endsWith("\r\n\r\n{\"status\":\"merged\"}");
  }

  @Test
  void aChunkedAnswerIsJoinedAndTheNextOneStillReads() throws IOException {
    server.reply(
        "HTTP/1.1 200 \r\nTransfer-Encoding: chunked\r\n\r\n"
            + "4\r\n{\"a\"\r\n3;name=value\r\n:1}\r\n0\r\nTrailer: x\r\n\r\n");
    server.reply(withLength(200, "{\"b\":2}"));

    assertThat(get("/a").body()).isEqualTo("{\"a\":1}");
    assertThat(get("/b").body()).isEqualTo("{\"b\":2}");
    assertThat(connection.opened()).isEqualTo(1);
  }

  @Test
  void interimAnswersAreSkipped() throws IOException {
    server.reply("HTTP/1.1 100 Continue\r\n\r\n" + withLength(201, "{}"));

    assertThat(get("/a")).isEqualTo(new Exchange.Answer(201, "{}"));
  }

  @Test
  void connectionCloseIsHonouredAndTheNextRequestOpensAnother() throws IOException {
    server.replyAndHangUp("HTTP/1.1 200 \r\nConnection: close\r\nContent-Length: 2\r\n\r\n{}");
    server.reply(withLength(200, "{\"n\":2}"));

    assertThat(get("/a").body()).isEqualTo("{}");
    assertThat(get("/b").body()).isEqualTo("{\"n\":2}");
    assertThat(connection.opened()).isEqualTo(2);
  }

  @Test
  void anAnswerWithoutALengthEndsWithTheConnection() throws IOException {
    server.replyAndHangUp("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nall of it");
    server.reply(withLength(200, "{}"));

    assertThat(get("/a").body()).isEqualTo("all of it");
    assertThat(get("/b").body()).isEqualTo("{}");
    assertThat(connection.opened()).isEqualTo(2);
  }

  @Test
  void aKeptConnectionTheServerDroppedIsReplacedAndTheRequestReachesItOnce() throws IOException {
    server.replyAndHangUp(withLength(200, "{\"n\":1}")); // no "Connection: close": a silent drop
    server.reply(withLength(200, "{\"n\":2}"));

    get("/a");
    Exchange.Answer second = send("POST", "/b", "{\"once\":true}", TIMEOUT);

    assertThat(second.body()).isEqualTo("{\"n\":2}");
    assertThat(connection.opened()).isEqualTo(2);
    assertThat(server.requests()).hasSize(2);
    assertThat(server.requests().get(1)).startsWith("POST /b ");
  }

  @Test
  void aNewConnectionClosedUnansweredIsAnErrorAndTheRequestIsNotSentAgain() {
    server.hangUpUnanswered();

    assertThatThrownBy(() -> get("/a")).isInstanceOf(EOFException.class);
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void anAnswerCutShortIsAnErrorAndNotSentAgain() {
    server.replyAndHangUp("HTTP/1.1 200 \r\nContent-Length: 10\r\n\r\nabc");

    assertThatThrownBy(() -> get("/a"))
        .isInstanceOf(EOFException.class)
        .hasMessage("the answer ended 7 bytes early");
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aLateAnswerTimesOutAndIsNotTakenForTheNextOne() throws IOException {
    server.replyAfter(Duration.ofMillis(600), withLength(200, "{\"late\":true}"));
    server.reply(withLength(200, "{\"n\":2}"));

    assertThatThrownBy(() -> send("GET", "/a", null, Duration.ofMillis(100)))
        .isInstanceOf(HttpTimeoutException.class)
        .hasMessage("no answer in time");
    assertThat(get("/b").body()).isEqualTo("{\"n\":2}");
    assertThat(connection.opened()).isEqualTo(2);
  }

  @Test
  void somethingThatIsNotHttpIsAProtocolError() {
    server.replyAndHangUp("SSH-2.0-OpenSSH_9.2\r\n");

    assertThatThrownBy(() -> get("/a"))
        .isInstanceOf(java.net.ProtocolException.class)
        .hasMessage("not an HTTP/1.x status line: SSH-2.0-OpenSSH_9.2");
  }

  @Test
  void aHeaderWithALineBreakIsRefusedBeforeAnythingIsSent() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                connection.send(
                    new Exchange.Request(
                        "GET",
                        URI.create(server.uri() + "/a"),
                        List.of(new Header("Authorization", "Bearer x\r\nX-Admin-Token: y")),
                        null,
                        TIMEOUT)))
        .withMessage("a header may not contain a line break");
    assertThat(server.connections()).isZero();
  }

  @Test
  void onlyPlainHttpIsSpoken() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new KeptConnection(URI.create("https://pool.example.org"), TIMEOUT))
        .withMessage("a kept connection speaks plain http, not https://pool.example.org");
  }

  /**
   * Reads requests off each connection it accepts and answers each with the next of the replies it
   * was given, byte for byte.
   */
  private static final class RawServer implements AutoCloseable {

    private record Reply(String bytes, Duration delay, boolean hangUp, boolean silent) {}

    private final ServerSocket socket;
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    RawServer() {
      try {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      threads.execute(this::acceptAll);
    }

    URI uri() {
      return URI.create("http://127.0.0.1:" + port());
    }

    int port() {
      return socket.getLocalPort();
    }

    void reply(String bytes) {
      replies.add(new Reply(bytes, Duration.ZERO, false, false));
    }

    void replyAndHangUp(String bytes) {
      replies.add(new Reply(bytes, Duration.ZERO, true, false));
    }

    void replyAfter(Duration delay, String bytes) {
      replies.add(new Reply(bytes, delay, false, false));
    }

    void hangUpUnanswered() {
      replies.add(new Reply("", Duration.ZERO, true, true));
    }

    List<String> requests() {
      return List.copyOf(requests);
    }

    int connections() {
      return connections.get();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (IOException ignored) {
        // the test is over
      }
      threads.shutdownNow();
    }

    private void acceptAll() {
      while (!socket.isClosed()) {
        try {
          Socket accepted = socket.accept();
          connections.incrementAndGet();
          threads.execute(() -> serve(accepted));
        } catch (IOException e) {
          return; // closed
        }
      }
    }

    private void serve(Socket accepted) {
      try (accepted) {
        InputStream in = new BufferedInputStream(accepted.getInputStream());
        OutputStream out = accepted.getOutputStream();
        for (String request; (request = readRequest(in)) != null; ) {
          requests.add(request);
          Reply reply = replies.poll(5, TimeUnit.SECONDS);
          if (reply == null) {
            return;
          }
          Thread.sleep(reply.delay().toMillis());
          if (!reply.silent()) {
            out.write(reply.bytes().getBytes(StandardCharsets.UTF_8));
            out.flush();
          }
          if (reply.hangUp()) {
            return;
          }
        }
      } catch (IOException | InterruptedException e) {
        // the client went away, or the test is over
      }
    }

    /** The request's head and body as text, or null when the connection ends first. */
    private static @Nullable String readRequest(InputStream in) throws IOException {
      StringBuilder head = new StringBuilder();
      int length = 0;
      while (true) {
        String line = line(in);
        if (line == null) {
          return null;
        }
        head.append(line).append("\r\n");
        if (line.isEmpty()) {
          break;
        }
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring("content-length:".length()).trim());
        }
      }
      byte[] body = in.readNBytes(length);
      return head + new String(body, StandardCharsets.UTF_8);
    }

    private static @Nullable String line(InputStream in) throws IOException {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      for (int b; (b = in.read()) != '\n'; ) {
        if (b < 0) {
          return null;
        }
        if (b != '\r') {
          line.write(b);
        }
      }
      return line.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
