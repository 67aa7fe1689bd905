package dev.owp.protocol.client;

import java.net.URI;

/** The same, with the client on a kept connection of its own ({@link KeptConnection}). */
class HttpTransportOverAKeptConnectionTest extends HttpTransportTest {

  @Override
  OwpClient.Builder clientOf(URI server) {
    return OwpClient.builder(server).keptConnection();
  }
}
