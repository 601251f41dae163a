package io.imflux.bench.client;

import io.imflux.bench.wire.Envelope;
import io.imflux.bench.wire.Envelope.Req;
import io.imflux.bench.wire.Envelope.Resp;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One connection of the load generator, speaking as the Go SDK does (spec/gateway.md §18): gob + gzip binary
 * frames, a WebSocket ping every 24 s. Frames are written straight to the channel from its own event loop, and every
 * arriving frame is decoded on that loop and handed to the {@link Listener} with its arrival time.
 */
public final class GatewayConnection {

  /** Ping period of the SDK (§13); the server closes a connection silent for 30 s. */
  private static final long PING_SECONDS = 24;

  /** What a connection reports; called on the connection's event loop. */
  public interface Listener {

    void onResp(GatewayConnection connection, Resp resp, long arrivedNanos);

    /** A frame the SDK would not accept (text, undecodable) or the connection ending; {@code why} says which. */
    void onProblem(GatewayConnection connection, String why);
  }

  public final int index;
  public final String userID;
  private final Listener listener;
  private volatile Channel channel;
  private volatile boolean closing;
  private ScheduledFuture<?> pinger;

  GatewayConnection(int index, String userID, Listener listener) {
    this.index = index;
    this.userID = userID;
    this.listener = listener;
  }

  void attach(Channel attached) {
    channel = attached;
    pinger = attached.eventLoop().scheduleAtFixedRate(() -> attached.writeAndFlush(new PingWebSocketFrame(
            Unpooled.copiedBuffer(userID + "_ping", StandardCharsets.UTF_8))),
        PING_SECONDS, PING_SECONDS, TimeUnit.SECONDS);
  }

  public EventLoop eventLoop() {
    return channel.eventLoop();
  }

  /** Encodes (gob + gzip) and writes one request; call it on {@link #eventLoop()} to keep the work there. */
  public void send(Req req) {
    channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(Envelope.encode(req, true))));
  }

  public boolean isOpen() {
    Channel current = channel;
    return current != null && current.isActive();
  }

  public void close() {
    closing = true;
    if (pinger != null) {
      pinger.cancel(false);
    }
    Channel current = channel;
    if (current != null) {
      current.close();
    }
  }

  void received(WebSocketFrame frame) {
    long arrived = System.nanoTime();
    if (frame instanceof BinaryWebSocketFrame) {
      Resp resp;
      try {
        resp = Envelope.decodeResp(ByteBufUtil.getBytes(frame.content()), true);
      } catch (RuntimeException e) {
        listener.onProblem(this, "undecodable frame: " + e.getMessage());
        return;
      }
      try {
        listener.onResp(this, resp, arrived);
      } catch (RuntimeException e) {
        listener.onProblem(this, "frame " + resp.reqIdentifier() + " not understood: " + e);
      }
    } else if (!(frame instanceof PongWebSocketFrame) && !(frame instanceof PingWebSocketFrame)) {
      // The native SDK ends its read loop on any text frame (§4).
      listener.onProblem(this, "unexpected " + frame.getClass().getSimpleName());
    }
  }

  void ended(String why) {
    if (pinger != null) {
      pinger.cancel(false);
    }
    if (!closing) {
      listener.onProblem(this, why);
    }
  }

  @Override
  public String toString() {
    return userID;
  }
}
