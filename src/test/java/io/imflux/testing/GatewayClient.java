package io.imflux.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Req;
import io.imflux.gateway.codec.Resp;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;

/**
 * A WebSocket client of the gateway for integration tests, speaking as the Go SDK does (gob + gzip, query
 * parameters, §18.1) or in any other format. Frames are collected as they arrive; the test thread waits for the
 * ones it expects. Calls block the test thread, never the server's.
 */
public final class GatewayClient implements AutoCloseable {

  /**
   * How long a test waits for a frame it expects. Replies come in milliseconds; this only bounds a failing test, and a
   * 2-core machine at load 10+ running the whole suite has held one back for more than 10 s.
   */
  public static final Duration WAIT = Duration.ofSeconds(30);
  private static final AtomicInteger INCR = new AtomicInteger();

  /** A frame as received: a decoded binary envelope, a text frame, a ping or pong, or the end of the connection. */
  public record Received(@Nullable Resp resp, @Nullable byte[] raw, @Nullable String text, @Nullable byte[] ping,
      @Nullable byte[] pong, @Nullable Integer closeCode, boolean ended) {

    boolean isResp() {
      return resp != null;
    }
  }

  private final String userID;
  private final FrameFormat format;
  private final Channel channel;
  /** Lock-free for the event loop that adds (a LinkedBlockingQueue's locks park it under contention). */
  private final LinkedTransferQueue<Received> arrived = new LinkedTransferQueue<>();
  private final List<Received> unclaimed = new ArrayList<>();

  private GatewayClient(String userID, FrameFormat format, Channel channel) {
    this.userID = userID;
    this.format = format;
    this.channel = channel;
  }

  /** The query the Go SDK sends (§18.1): gob, gzip, foreground. */
  public static String sdkQuery(String userID, String token, int platformID) {
    return query(sdkParameters(userID, token, platformID));
  }

  /** The Go SDK's query parameters, in its order, to change before building a query. */
  public static Map<String, String> sdkParameters(String userID, String token, int platformID) {
    Map<String, String> parameters = new LinkedHashMap<>();
    parameters.put("sendID", userID);
    parameters.put("token", token);
    parameters.put("platformID", String.valueOf(platformID));
    parameters.put("operationID", UUID.randomUUID().toString());
    parameters.put("isBackground", "false");
    parameters.put("sdkVersion", "v3.8.3");
    parameters.put("compression", "gzip");
    return parameters;
  }

  public static String query(Map<String, String> parameters) {
    StringJoiner query = new StringJoiner("&", "?", "");
    parameters.forEach((key, value) -> query.add(key + "=" + value));
    return query.toString();
  }

  /** Connects as the Go SDK does to the gateway port. */
  public static GatewayClient connect(int port, String userID, String token, int platformID) {
    return connect(port, "/", sdkQuery(userID, token, platformID), userID, FrameFormat.GOB_GZIP);
  }

  /**
   * Opens a WebSocket to {@code path + query}; fails when the server refuses the upgrade. {@code format} is how this
   * client encodes and decodes binary frames.
   */
  public static GatewayClient connect(int port, String path, String query, String userID, FrameFormat format) {
    CompletableFuture<GatewayClient> opened = new CompletableFuture<>();
    HttpClient.create()
        .websocket(WebsocketClientSpec.builder().handlePing(true).maxFramePayloadLength(2 * 1024 * 1024).build())
        .uri("ws://127.0.0.1:" + port + path + query)
        .handle((in, out) -> {
          GatewayClient[] client = new GatewayClient[1];
          in.withConnection(connection -> client[0] = new GatewayClient(userID, format, connection.channel()));
          opened.complete(client[0]);
          return client[0].receive(in);
        })
        .subscribe(null, opened::completeExceptionally);
    try {
      return opened.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException("upgrade refused: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new IllegalStateException("no upgrade within " + WAIT, e);
    }
  }

  /** A refused upgrade as the native SDK sees it: the HTTP status, content type and body (§3.2). */
  public record Refusal(int status, @Nullable String contentType, String body) {}

  /** Sends the upgrade request and reads a non-101 answer. */
  public static Refusal refusal(int port, String path, String query) {
    return HttpClient.create()
        .headers(headers -> headers
            .set("Upgrade", "websocket")
            .set("Connection", "Upgrade")
            .set("Sec-WebSocket-Version", "13")
            .set("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="))
        .get()
        .uri("http://127.0.0.1:" + port + path + query)
        .responseSingle((response, body) -> body.asString().defaultIfEmpty("").map(text ->
            new Refusal(response.status().code(), response.responseHeaders().get("Content-Type"), text)))
        .block(WAIT);
  }

  public FrameFormat format() {
    return format;
  }

  private Mono<Void> receive(WebsocketInbound in) {
    return in.receiveFrames()
        .doOnNext(this::onFrame)
        .then()
        .onErrorResume(error -> Mono.empty())
        .doFinally(signal -> arrived.add(new Received(null, null, null, null, null, null, true)));
  }

  private void onFrame(WebSocketFrame frame) {
    if (frame instanceof BinaryWebSocketFrame) {
      byte[] raw = ByteBufUtil.getBytes(frame.content());
      arrived.add(new Received(format.decodeResponse(raw), raw, null, null, null, null, false));
    } else if (frame instanceof TextWebSocketFrame text) {
      arrived.add(new Received(null, null, text.text(), null, null, null, false));
    } else if (frame instanceof PingWebSocketFrame) {
      arrived.add(new Received(null, null, null, ByteBufUtil.getBytes(frame.content()), null, null, false));
    } else if (frame instanceof PongWebSocketFrame) {
      arrived.add(new Received(null, null, null, null, ByteBufUtil.getBytes(frame.content()), null, false));
    } else if (frame instanceof CloseWebSocketFrame close) {
      arrived.add(new Received(null, null, null, null, null, close.statusCode(), false));
    }
  }

  // ---- sending ----

  /** A request as the SDK builds it: this user as sendID, a fresh operationID and msgIncr. */
  public Req req(int reqIdentifier, Message data) {
    return new Req(reqIdentifier, "", userID, "op_" + UUID.randomUUID(), userID + "_" + INCR.incrementAndGet(),
        data.toByteArray());
  }

  public void send(Req req) {
    sendBinary(format.encode(req));
  }

  public void sendBinary(byte[] frame) {
    channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(frame))).syncUninterruptibly();
  }

  public void sendText(String text) {
    channel.writeAndFlush(new TextWebSocketFrame(text)).syncUninterruptibly();
  }

  public void sendPing(byte[] payload) {
    channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(payload))).syncUninterruptibly();
  }

  /** Sends a request and waits for the reply with its msgIncr; frames that arrive meanwhile stay for later. */
  public Resp request(Req req) {
    send(req);
    return awaitResp(resp -> resp.msgIncr().equals(req.msgIncr())).resp();
  }

  public Resp request(int reqIdentifier, Message data) {
    return request(req(reqIdentifier, data));
  }

  /**
   * Waits until the server has registered this connection: it reads requests only once registered, so the reply to
   * a 1001 proves it. A push sent before that would not reach this connection (as for the SDK, which sends 1001 first).
   */
  public GatewayClient sync() {
    Resp resp = request(1001, io.imflux.proto.sdkws.GetMaxSeqReq.newBuilder().setUserID(userID).build());
    if (resp.errCode() != 0) {
      throw new AssertionError("1001 failed: " + resp.errCode() + " " + resp.errMsg());
    }
    return this;
  }

  /** A successful reply's payload. */
  public <T extends Message> T call(int reqIdentifier, Message data, Parser<T> parser) {
    Resp resp = request(reqIdentifier, data);
    if (resp.errCode() != 0) {
      throw new AssertionError("request " + reqIdentifier + " failed: " + resp.errCode() + " " + resp.errMsg());
    }
    return parse(resp.data(), parser);
  }

  public static <T extends Message> T parse(byte[] data, Parser<T> parser) {
    try {
      return parser.parseFrom(data);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("not a " + parser + ": " + e.getMessage(), e);
    }
  }

  // ---- receiving ----

  /** The next server frame with this reqIdentifier (a push when 2001, 2002, 2005). */
  public Resp awaitPush(int reqIdentifier) {
    return awaitResp(resp -> resp.reqIdentifier() == reqIdentifier && resp.msgIncr().isEmpty()).resp();
  }

  public Received awaitResp(Predicate<Resp> matching) {
    return await(received -> received.isResp() && matching.test(received.resp()), WAIT);
  }

  /** Whether a frame like this arrives within {@code wait}; consumes it when it does. */
  public boolean receives(Predicate<Received> matching, Duration wait) {
    try {
      await(matching, wait);
      return true;
    } catch (AssertionError timeout) {
      return false;
    }
  }

  public String awaitText() {
    return await(received -> received.text() != null, WAIT).text();
  }

  public byte[] awaitPong() {
    return await(received -> received.pong() != null, WAIT).pong();
  }

  public byte[] awaitPing() {
    return await(received -> received.ping() != null, WAIT).ping();
  }

  /** Waits until the server ends the connection; the frames before that stay for later. */
  public void awaitClosed() {
    await(Received::ended, WAIT);
  }

  /** Every frame received so far and not yet claimed by a wait. */
  public List<Received> drain() {
    arrived.drainTo(unclaimed);
    List<Received> all = List.copyOf(unclaimed);
    unclaimed.clear();
    return all;
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  public Received await(Predicate<Received> matching, Duration wait) {
    for (Iterator<Received> it = unclaimed.iterator(); it.hasNext(); ) {
      Received received = it.next();
      if (matching.test(received)) {
        if (!received.ended()) {
          it.remove();
        }
        return received;
      }
    }
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        Received received = left <= 0 ? null : arrived.poll(left, TimeUnit.NANOSECONDS);
        if (received == null) {
          throw new AssertionError("nothing matching arrived within " + wait + "; unclaimed: " + unclaimed);
        }
        if (matching.test(received)) {
          if (received.ended()) {
            unclaimed.add(received);
          }
          return received;
        }
        unclaimed.add(received);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }
}
