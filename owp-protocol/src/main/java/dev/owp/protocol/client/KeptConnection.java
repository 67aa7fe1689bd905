package dev.owp.protocol.client;

import dev.owp.protocol.client.HttpTransport.Header;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over one kept-alive connection, one exchange at a time: for a caller that waits for each
 * answer before it sends the next, such as a simulated worker of {@code pool bench}. The JDK's
 * client hands every exchange to its selector thread and back, which cost a load generator of 200
 * workers most of its CPU; here the calling thread writes the request and reads the answer itself.
 * Calls from several threads take turns, under a lock rather than a monitor, so that a virtual
 * thread blocked on the socket does not pin its carrier (Java 21 to 23). Plain http only.
 */
final class KeptConnection implements Exchange {

  /**
   * A connection idle for longer is opened anew rather than trusted: servers and proxies close idle
   * connections, some after a few seconds.
   */
  private static final long MAX_IDLE_NANOS = Duration.ofSeconds(5).toNanos();

  /** The largest answer read: poold's biggest page of tasks is a small fraction of this. */
  static final int MAX_ANSWER_BYTES = 64 * 1024 * 1024;

  private final InetSocketAddress address;
  private final String host;
  private final Duration connectTimeout;
  private final ReentrantLock turn = new ReentrantLock();
  private final byte[] buffer = new byte[16 * 1024];
  private int position;
  private int limit;
  private @Nullable Socket socket;
  private @Nullable InputStream in;
  private @Nullable OutputStream out;
  private long lastUsed;
  private int opened;

  KeptConnection(URI server, Duration connectTimeout) {
    if (!"http".equals(server.getScheme()) || server.getHost() == null) {
      throw new IllegalArgumentException("a kept connection speaks plain http, not " + server);
    }
    int port = server.getPort() < 0 ? 80 : server.getPort();
    this.address = InetSocketAddress.createUnresolved(server.getHost(), port);
    this.host = server.getPort() < 0 ? server.getHost() : server.getHost() + ":" + port;
    this.connectTimeout = connectTimeout;
  }

  @Override
  public Answer send(Request request) throws IOException {
    byte[] bytes = encode(request);
    turn.lock();
    try {
      return sendInTurn(request, bytes);
    } finally {
      turn.unlock();
    }
  }

  private Answer sendInTurn(Request request, byte[] bytes) throws IOException {
    boolean reused = socket != null && System.nanoTime() - lastUsed < MAX_IDLE_NANOS;
    try {
      if (!reused) {
        open();
      }
      try {
        return exchange(request, bytes);
      } catch (ClosedUnanswered e) {
        if (!reused) {
          throw e.unwrap();
        }
        // The server closed the kept connection before it read the request (its idle timeout
        // ended as the request left): nothing was done, so it is sent once more, on a new one.
        open();
        try {
          return exchange(request, bytes);
        } catch (ClosedUnanswered again) {
          throw again.unwrap();
        }
      }
    } catch (IOException | RuntimeException e) {
      closeSocket();
      throw e;
    }
  }

  /** Connections opened so far: one, as long as the server keeps it alive. */
  int opened() {
    turn.lock();
    try {
      return opened;
    } finally {
      turn.unlock();
    }
  }

  @Override
  public void close() {
    turn.lock();
    try {
      closeSocket();
    } finally {
      turn.unlock();
    }
  }

  private void closeSocket() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // Closing a socket that failed: nothing is left to release.
      }
    }
    socket = null;
    in = null;
    out = null;
    position = limit = 0;
  }

  private void open() throws IOException {
    closeSocket();
    Socket fresh = new Socket();
    try {
      fresh.setTcpNoDelay(true);
      InetSocketAddress resolved =
          new InetSocketAddress(address.getHostString(), address.getPort());
      fresh.connect(resolved, Math.toIntExact(connectTimeout.toMillis()));
    } catch (SocketTimeoutException e) {
      fresh.close();
      throw new HttpConnectTimeoutException("connect timed out");
    } catch (IOException e) {
      fresh.close();
      throw e;
    }
    socket = fresh;
    in = fresh.getInputStream();
    out = fresh.getOutputStream();
    opened++;
  }

  private Answer exchange(Request request, byte[] bytes) throws IOException {
    socket().setSoTimeout(Math.toIntExact(Math.max(1, request.timeout().toMillis())));
    try {
      out().write(bytes);
      out().flush();
    } catch (IOException e) {
      throw new ClosedUnanswered(e);
    }
    boolean answered;
    try {
      answered = position < limit || fill();
    } catch (SocketTimeoutException e) {
      throw timedOut();
    } catch (IOException e) {
      throw new ClosedUnanswered(e);
    }
    if (!answered) {
      throw new ClosedUnanswered(new EOFException("the server closed the connection unanswered"));
    }
    try {
      return readAnswer(request.method());
    } catch (SocketTimeoutException e) {
      throw timedOut();
    }
  }

  private Answer readAnswer(String method) throws IOException {
    while (true) {
      String statusLine = line();
      int status = statusOf(statusLine);
      long length = -1;
      boolean chunked = false;
      boolean close = statusLine.startsWith("HTTP/1.0");
      for (String header = line(); !header.isEmpty(); header = line()) {
        int colon = header.indexOf(':');
        if (colon <= 0) {
          throw new ProtocolException("malformed header line: " + header);
        }
        String name = header.substring(0, colon).trim();
        String value = header.substring(colon + 1).trim();
        if (name.equalsIgnoreCase("Content-Length")) {
          length = contentLength(value);
        } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
          chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
        } else if (name.equalsIgnoreCase("Connection")) {
          close |= value.equalsIgnoreCase("close");
        }
      }
      if (status < 200) {
        continue; // an interim answer (100 Continue): the final one follows
      }
      byte[] body;
      if (method.equals("HEAD") || status == 204 || status == 304) {
        body = new byte[0];
      } else if (chunked) {
        body = chunkedBody();
      } else if (length >= 0) {
        body = fixedBody(length);
      } else {
        body = bodyToTheEnd();
        close = true;
      }
      if (close) {
        closeSocket();
      } else {
        lastUsed = System.nanoTime();
      }
      return new Answer(status, new String(body, StandardCharsets.UTF_8));
    }
  }

  private byte[] chunkedBody() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line();
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new ProtocolException("malformed chunk size: " + sizeLine);
      }
      if (size == 0) {
        while (!line().isEmpty()) {
          // trailers: none that matter here
        }
        return body.toByteArray();
      }
      if (size < 0 || body.size() + size > MAX_ANSWER_BYTES) {
        throw new ProtocolException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
      }
      copy(size, body);
      if (!line().isEmpty()) {
        throw new ProtocolException("chunk not followed by CRLF");
      }
    }
  }

  private byte[] fixedBody(long length) throws IOException {
    if (length > MAX_ANSWER_BYTES) {
      throw new ProtocolException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream((int) length);
    copy(length, body);
    return body.toByteArray();
  }

  private byte[] bodyToTheEnd() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (position < limit || fill()) {
      if (body.size() + (limit - position) > MAX_ANSWER_BYTES) {
        throw new ProtocolException("answer larger than " + MAX_ANSWER_BYTES + " bytes");
      }
      body.write(buffer, position, limit - position);
      position = limit;
    }
    return body.toByteArray();
  }

  private void copy(long count, ByteArrayOutputStream to) throws IOException {
    long left = count;
    while (left > 0) {
      if (position == limit && !fill()) {
        throw new EOFException("the answer ended " + left + " bytes early");
      }
      int n = (int) Math.min(left, limit - position);
      to.write(buffer, position, n);
      position += n;
      left -= n;
    }
  }

  /** One line without its CRLF, read as ISO-8859-1 (status and header lines are ASCII). */
  private String line() throws IOException {
    StringBuilder line = new StringBuilder(64);
    while (true) {
      if (position == limit && !fill()) {
        throw new EOFException("the answer ended inside its head");
      }
      byte b = buffer[position++];
      if (b == '\n') {
        int end = line.length();
        return end > 0 && line.charAt(end - 1) == '\r'
            ? line.substring(0, end - 1)
            : line.toString();
      }
      if (line.length() == 8192) {
        throw new ProtocolException("a line of the answer's head is too long");
      }
      line.append((char) (b & 0xff));
    }
  }

  private boolean fill() throws IOException {
    int n = in().read(buffer);
    if (n <= 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  private static int statusOf(String statusLine) throws ProtocolException {
    // "HTTP/1.1 200 OK"; the reason phrase may be missing.
    if (statusLine.length() < 12
        || !statusLine.startsWith("HTTP/1.")
        || statusLine.charAt(8) != ' ') {
      throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
    }
    try {
      return Integer.parseInt(statusLine.substring(9, 12));
    } catch (NumberFormatException e) {
      throw new ProtocolException("not an HTTP/1.x status line: " + statusLine);
    }
  }

  private static long contentLength(String value) throws ProtocolException {
    try {
      long length = Long.parseLong(value);
      if (length >= 0) {
        return length;
      }
    } catch (NumberFormatException e) {
      // worded below
    }
    throw new ProtocolException("malformed Content-Length: " + value);
  }

  private byte[] encode(Request request) {
    URI uri = request.uri();
    String target =
        (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    StringBuilder head = new StringBuilder(256);
    head.append(request.method()).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: ").append(host).append("\r\n");
    for (Header header : request.headers()) {
      head.append(safe(header.name())).append(": ").append(safe(header.value())).append("\r\n");
    }
    byte[] body =
        request.body() == null ? new byte[0] : request.body().getBytes(StandardCharsets.UTF_8);
    if (request.body() != null || !request.method().equals("GET")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, bytes, start.length, body.length);
    return bytes;
  }

  /** A header name or value as given; one that would end its line early is refused. */
  private static String safe(String text) {
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("a header may not contain a line break");
    }
    return text;
  }

  private static HttpTimeoutException timedOut() {
    return new HttpTimeoutException("no answer in time");
  }

  private Socket socket() {
    if (socket == null) {
      throw new IllegalStateException("not connected");
    }
    return socket;
  }

  private InputStream in() {
    if (in == null) {
      throw new IllegalStateException("not connected");
    }
    return in;
  }

  private OutputStream out() {
    if (out == null) {
      throw new IllegalStateException("not connected");
    }
    return out;
  }

  /** The connection failed before any of the answer arrived. */
  private static final class ClosedUnanswered extends IOException {
    ClosedUnanswered(IOException cause) {
      super(cause.getMessage(), cause);
    }

    IOException unwrap() {
      return (IOException) getCause();
    }
  }
}
