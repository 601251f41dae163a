package io.imflux.gateway;

import io.imflux.api.ApiResponses;
import io.imflux.api.Authenticator;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * The upgrade (spec/gateway.md §3): checks in the reference's order — connection limit, parameters, token, identity,
 * then the upgrade itself — and reports a refusal as an HTTP 200 body, or, when the client asked with
 * {@code isMsgResp} and its parameters were fine, as the first text frame of an upgraded connection. Served on the
 * gateway's own port (any path) and at {@code /msg_gateway} on the API port.
 */
@Component
class GatewayEndpoint implements BiFunction<HttpServerRequest, HttpServerResponse, Publisher<Void>> {

  private static final Logger log = LoggerFactory.getLogger(GatewayEndpoint.class);
  /** §3.2: the native SDK keeps only this much of a refused upgrade's body, and needs it to be JSON. */
  static final int MAX_REJECTION_BYTES = 1024;
  static final String CONNECTED = "{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}";
  private static final String NOT_WEBSOCKET =
      "websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header";

  private final Authenticator authenticator;
  private final ApiResponses responses;
  private final Dialect dialect;
  private final SessionRegistry registry;
  private final SessionLifecycle lifecycle;
  private final SessionReader reader;
  private final GatewayMetrics metrics;
  private final GatewayProperties properties;
  private final WebsocketServerSpec spec;

  GatewayEndpoint(Authenticator authenticator, ApiResponses responses, SessionRegistry registry,
      SessionLifecycle lifecycle, SessionReader reader, GatewayMetrics metrics, GatewayProperties properties) {
    this.authenticator = authenticator;
    this.responses = responses;
    this.dialect = responses.dialect();
    this.registry = registry;
    this.lifecycle = lifecycle;
    this.reader = reader;
    this.metrics = metrics;
    this.properties = properties;
    this.spec = WebsocketServerSpec.builder().maxFramePayloadLength(properties.maxFrameBytes()).build();
  }

  @Override
  public Publisher<Void> apply(HttpServerRequest request, HttpServerResponse response) {
    if (registry.count() >= properties.maxConnections()) {
      return rejectWithBody(request, response, null, new ImError(ErrorKind.CONN_OVER_MAX, "over max conn num limit"));
    }
    ConnectArgs args;
    try {
      args = ConnectArgsParser.parse(query(request.uri()), request.requestHeaders().get("compression"), dialect);
    } catch (ImError e) {
      return rejectWithBody(request, response, null, e);
    }
    return authenticator.authenticate(args.token())
        .map(operator -> new Verdict(identity(args, operator), null))
        .onErrorResume(error -> Mono.just(new Verdict(null, asImError(error))))
        .flatMap(verdict -> verdict.operator() != null
            ? accept(request, response, args, verdict.operator())
            : reject(request, response, args, verdict.error()));
  }

  private record Verdict(@Nullable Operator operator, @Nullable ImError error) {}

  /** §3.1 check 4: the token must be the connecting user's, on the platform it connects as. */
  private Operator identity(ConnectArgs args, Operator operator) {
    if (!operator.userID().equals(args.userID())) {
      throw new ImError(ErrorKind.TOKEN_INVALID, "token uid " + operator.userID() + " != userID " + args.userID());
    }
    if (operator.platform() != args.platform()) {
      throw new ImError(ErrorKind.TOKEN_INVALID,
          "token platform " + dialect.platformId(operator.platform()) + " != platformID " + args.platformID());
    }
    return operator;
  }

  private Mono<Void> accept(HttpServerRequest request, HttpServerResponse response, ConnectArgs args,
      Operator operator) {
    if (!isUpgrade(request)) {
      return notWebsocket(response);
    }
    return response.sendWebsocket((in, out) -> {
      Connection[] connection = new Connection[1];
      in.withConnection(c -> connection[0] = c);
      Session session = new Session(connection[0].channel(), args, operator, connID(), metrics,
          properties.outboundQueue());
      return reader.run(session, connection[0], in, args);
    }, spec);
  }

  private Mono<Void> reject(HttpServerRequest request, HttpServerResponse response, ConnectArgs args,
      ImError error) {
    if (!args.sendResponse()) {
      return rejectWithBody(request, response, args, error);
    }
    log.info("upgrade of {} on platform {} from {} refused in a frame: {}", args.userID(), args.platformID(),
        request.remoteAddress(), error.toString());
    metrics.rejected(dialect.errCode(error.kind()));
    if (!isUpgrade(request)) {
      return notWebsocket(response);
    }
    byte[] body = rejection(error);
    return response.sendWebsocket((in, out) -> {
      Connection[] connection = new Connection[1];
      in.withConnection(c -> connection[0] = c);
      // The error envelope, then the TCP connection closes without a close frame (§3.2).
      connection[0].channel().writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(body)))
          .addListener(ChannelFutureListener.CLOSE);
      return connection[0].onDispose();
    }, spec);
  }

  private Mono<Void> rejectWithBody(HttpServerRequest request, HttpServerResponse response,
      @Nullable ConnectArgs args, ImError error) {
    if (args == null) {
      log.info("upgrade from {} refused: {}", request.remoteAddress(), error.toString());
    } else {
      log.info("upgrade of {} on platform {} from {} refused: {}", args.userID(), args.platformID(),
          request.remoteAddress(), error.toString());
    }
    metrics.rejected(dialect.errCode(error.kind()));
    byte[] body = rejection(error);
    return response.status(HttpResponseStatus.OK)
        .header(HttpHeaderNames.CONTENT_TYPE, "application/json; charset=utf-8")
        .header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
        .sendByteArray(Mono.just(body))
        .then();
  }

  /** The error envelope, its detail shortened so the whole body stays within what the SDK reads. */
  private byte[] rejection(ImError error) {
    byte[] body = responses.error(error);
    String detail = error.detail();
    while (body.length > MAX_REJECTION_BYTES && !detail.isEmpty()) {
      detail = detail.substring(0, Math.max(0, detail.length() - (body.length - MAX_REJECTION_BYTES) - 1));
      body = responses.error(new ImError(error.kind(), detail));
    }
    return body;
  }

  private static Mono<Void> notWebsocket(HttpServerResponse response) {
    return response.status(HttpResponseStatus.BAD_REQUEST)
        .header(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
        .sendString(Mono.just(NOT_WEBSOCKET + "\n"))
        .then();
  }

  /** §3.1 check 5, after authentication as in the reference: a GET asking to upgrade to WebSocket. */
  private static boolean isUpgrade(HttpServerRequest request) {
    HttpHeaders headers = request.requestHeaders();
    return headers.containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.UPGRADE, true)
        && headers.containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
  }

  /** The query as Go's form decoding reads it; a query that does not decode counts as empty. */
  private static Map<String, List<String>> query(String uri) {
    try {
      return new QueryStringDecoder(uri, StandardCharsets.UTF_8).parameters();
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  private static ImError asImError(Throwable error) {
    if (error instanceof ImError imError) {
      return imError;
    }
    log.error("authenticating an upgrade failed", error);
    return new ImError(ErrorKind.INTERNAL, String.valueOf(error.getMessage()));
  }

  /** A connection's ID: unique per user, as the reference's MD5-sized hex. */
  private static String connID() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] hex = new char[32];
    long high = random.nextLong();
    long low = random.nextLong();
    for (int i = 0; i < 16; i++) {
      hex[i] = Character.forDigit((int) (high >>> (60 - 4 * i)) & 0xf, 16);
      hex[16 + i] = Character.forDigit((int) (low >>> (60 - 4 * i)) & 0xf, 16);
    }
    return new String(hex);
  }
}
