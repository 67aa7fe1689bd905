package dev.owp.protocol.client;

import dev.owp.protocol.client.HttpTransport.Header;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The part of {@link HttpTransport} that touches the network: one request out, its answer back.
 * Failures to reach the server are thrown as they come; {@link HttpTransport} words them.
 */
interface Exchange {

  Answer send(Request request) throws IOException, InterruptedException;

  /** An HTTP request; {@code body} is JSON, or null for none. */
  record Request(
      String method, URI uri, List<Header> headers, @Nullable String body, Duration timeout) {}

  /** The status and the body of the answer. */
  record Answer(int status, String body) {}

  /** Closes what the exchange keeps open, if anything. */
  default void close() {}
}
