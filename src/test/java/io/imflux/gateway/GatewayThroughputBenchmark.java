package io.imflux.gateway;

import com.google.protobuf.ByteString;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Req;
import io.imflux.gateway.codec.Resp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;

/**
 * A rough in-process measure of one-to-one messages through the gateway (1003 in, 2001 out, gob + gzip as the SDK
 * speaks), each connection sending its next message when the reply to the last one arrives, as the SDK does. Not a
 * test and not the benchmark of record (that is benchmarks/): it prints numbers for a quick look at the gateway.
 * Run: {@code ./mvnw test -Dtest=GatewayThroughputBenchmark -Dsurefire.excludedGroups=none}
 */
@ImfluxTest
@Tag("benchmark")
class GatewayThroughputBenchmark {

  private static final int PAIRS = 200;
  private static final long WARM_UP_MILLIS = 10_000;
  private static final long MEASURED_MILLIS = 20_000;

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  private static final AtomicLong COUNTER = new AtomicLong();

  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong replies = new AtomicLong();
  private volatile boolean running = true;

  @Test
  void oneToOneMessagesPerSecond() throws InterruptedException {
    GatewayFixture fixture = new GatewayFixture(apiPort, gateway.port());
    List<String> users = fixture.users("bench", PAIRS * 2);
    CountDownLatch connected = new CountDownLatch(users.size());
    List<Channel> channels = new ArrayList<>();
    for (int i = 0; i < users.size(); i++) {
      String user = users.get(i);
      String peer = users.get(i ^ 1);
      String query = GatewayClient.sdkQuery(user, fixture.token(user, GatewayFixture.ANDROID), GatewayFixture.ANDROID);
      HttpClient.create()
          .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(1 << 20).build())
          .uri("ws://127.0.0.1:" + gateway.port() + "/" + query)
          .handle((in, out) -> {
            Channel[] channel = new Channel[1];
            in.withConnection(c -> channel[0] = c.channel());
            synchronized (channels) {
              channels.add(channel[0]);
            }
            connected.countDown();
            send(channel[0], user, peer);
            return in.receiveFrames().doOnNext(frame -> {
              Resp resp = FrameFormat.GOB_GZIP.decodeResponse(frame.content());
              if (resp.reqIdentifier() == 2001) {
                delivered.incrementAndGet();
              } else if (resp.reqIdentifier() == 1003) {
                replies.incrementAndGet();
                if (running) {
                  send(channel[0], user, peer);
                }
              }
            }).then();
          })
          .subscribe();
    }
    if (!connected.await(60, TimeUnit.SECONDS)) {
      throw new AssertionError("not all connected");
    }
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(WARM_UP_MILLIS));
    long pushes = delivered.get();
    long sent = replies.get();
    long start = System.nanoTime();
    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(MEASURED_MILLIS));
    double seconds = (System.nanoTime() - start) / 1e9;
    long pushed = delivered.get() - pushes;
    long acked = replies.get() - sent;
    running = false;
    System.out.printf("gateway: %d connections, %.0f sends/s, %.0f pushes/s (each message pushed to receiver and "
        + "sender) = %.0f delivered one-to-one messages/s, %d cores%n", users.size(), acked / seconds,
        pushed / seconds, pushed / 2 / seconds, Runtime.getRuntime().availableProcessors());
    channels.forEach(Channel::close);
  }

  /** A text message; its IDs come from a counter (UUIDs read /dev/urandom, which must not happen on event loops). */
  private static void send(Channel channel, String user, String peer) {
    long n = COUNTER.incrementAndGet();
    MsgData msg = MsgData.newBuilder().setSendID(user).setRecvID(peer).setClientMsgID(user + "-" + n)
        .setSenderPlatformID(GatewayFixture.ANDROID).setSessionType(1).setMsgFrom(100).setContentType(101)
        .setContent(ByteString.copyFromUtf8("{\"content\":\"benchmark message number " + n + " of a usual size\"}"))
        .setCreateTime(System.currentTimeMillis()).setStatus(1).build();
    Req req = new Req(1003, "", user, "op", user + "_" + n, msg.toByteArray());
    channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(FrameFormat.GOB_GZIP.encode(req))));
  }
}
