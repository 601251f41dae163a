package io.imflux.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket client over a bare socket that completes the upgrade and then never reads again, with a tiny receive
 * buffer: the server's writes to it back up as they would to a hung phone. It can still send pings, so only its
 * reading stalls.
 */
final class HangingClient implements AutoCloseable {

  private final Socket socket;
  private final OutputStream out;

  HangingClient(int port, String query) {
    try {
      socket = new Socket();
      socket.setReceiveBufferSize(2048);
      socket.connect(new InetSocketAddress("127.0.0.1", port));
      out = socket.getOutputStream();
      out.write(("GET /" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String head = readHead(socket.getInputStream());
      if (!head.startsWith("HTTP/1.1 101")) {
        throw new IllegalStateException("upgrade refused: " + head);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A masked ping frame with an empty payload; false once the server has closed the connection. */
  boolean ping() {
    try {
      out.write(new byte[] {(byte) 0x89, (byte) 0x80, 0, 0, 0, 0});
      out.flush();
      return true;
    } catch (IOException closed) {
      return false;
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        break;
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
