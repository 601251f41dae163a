package io.imflux.gateway;

import io.imflux.api.Platform;
import io.imflux.gateway.codec.CodecException;
import io.imflux.gateway.codec.Req;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * The read side of an accepted connection (spec/gateway.md §4, §10, §13): registers it, then reads its frames —
 * binary requests one at a time in arrival order, JSON text heartbeats answered at once — and closes it on a frame
 * it cannot decode, on silence longer than the read timeout, or when the dispatcher says so.
 */
@Component
class SessionReader {

  private static final Logger log = LoggerFactory.getLogger(SessionReader.class);
  /** A frame that needs no request processing (heartbeats, control frames). */
  private static final Object SKIP = new Object();

  /** A frame that breaks the protocol: the connection closes when its turn comes. */
  private record Invalid(String reason) {}

  private final SessionLifecycle lifecycle;
  private final RequestDispatcher dispatcher;
  private final GatewayMetrics metrics;
  private final GatewayProperties properties;

  SessionReader(SessionLifecycle lifecycle, RequestDispatcher dispatcher, GatewayMetrics metrics,
      GatewayProperties properties) {
    this.lifecycle = lifecycle;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.properties = properties;
  }

  Mono<Void> run(Session session, Connection connection, WebsocketInbound in, ConnectArgs args) {
    if (args.sendResponse()) {
      session.sendText(GatewayEndpoint.CONNECTED);
    }
    connection.addHandlerLast("imflux.writability", new WritabilityListener(session));
    connection.onReadIdle(properties.readTimeout().toMillis(), () -> {
      log.debug("{} closed: nothing read for {}", session, properties.readTimeout());
      session.close();
    });
    if (session.platform == Platform.WEB) {
      session.startPings(properties.webPingInterval());
    }
    log.debug("{} connected (sdkVersion {}, {}{})", session, args.sdkVersion(), args.format(),
        args.background() ? ", background" : "");
    return lifecycle.open(session)
        .then(Mono.fromRunnable(() -> connection.onDispose(() -> {
          log.debug("{} disconnected", session);
          lifecycle.closed(session);
        })))
        .thenMany(in.aggregateFrames(properties.maxFrameBytes()).receiveFrames()
            .map(frame -> read(session, frame))
            .concatMap(item -> {
              if (item instanceof Req req) {
                return dispatcher.handle(session, req);
              }
              if (item instanceof Invalid invalid) {
                log.info("{} closed: {}", session, invalid.reason());
                session.close();
              }
              return Mono.empty();
            }))
        .onErrorResume(error -> {
          log.debug("{} read failed: {}", session, error.toString());
          session.close();
          return Mono.empty();
        })
        .then();
  }

  /** Decodes a frame while its buffer is still valid (it is released once this returns). */
  private Object read(Session session, WebSocketFrame frame) {
    if (frame instanceof BinaryWebSocketFrame) {
      metrics.frameIn();
      try {
        return session.format.decodeRequest(frame.content());
      } catch (CodecException e) {
        return new Invalid(e.getMessage());
      }
    }
    if (frame instanceof TextWebSocketFrame text) {
      try {
        Optional<String> pong = TextHeartbeat.answer(text.text());
        pong.ifPresent(session::sendText);
        return SKIP;
      } catch (TextHeartbeat.NotAHeartbeat e) {
        return new Invalid(e.getMessage());
      }
    }
    return SKIP;
  }

  /** Resumes a session's queued writes when its socket drains. */
  private static final class WritabilityListener extends ChannelInboundHandlerAdapter {

    private final Session session;

    WritabilityListener(Session session) {
      this.session = session;
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
      if (ctx.channel().isWritable()) {
        session.writable();
      }
      ctx.fireChannelWritabilityChanged();
    }
  }
}
