package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static io.imflux.gateway.GatewayFixture.WEB;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.read.ReadFixture;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMessageBySeqsResp;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Timeouts and limits (spec/gateway.md §13-§14) with short settings, in a server of their own: read timeout, pings
 * that keep a connection alive, server pings to Web connections, the connection limit, and a client that stops
 * reading — whose pushes are dropped and whose stalled writes close it, while everyone else's pushes flow. A wait
 * for what a timeout causes is the configured timeout plus {@link GatewayClient#WAIT}, room for a loaded machine.
 */
@ImfluxTest
@TestPropertySource(properties = {
    "imflux.gateway.read-timeout=5s",
    "imflux.gateway.write-timeout=10s",
    "imflux.gateway.web-ping-interval=300ms",
    "imflux.gateway.outbound-queue=4",
    "imflux.gateway.max-connections=6"})
class LimitsTest {

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  @Autowired
  MeterRegistry meters;

  @Autowired
  GatewayProperties properties;

  GatewayFixture fixture;
  String alice;
  String bob;

  @BeforeEach
  void users() {
    // A connection an earlier test closed counts against the limit until the server has seen it close.
    ReadFixture.eventually(() -> meters.get("imflux.gateway.connections").gauge().value() == 0);
    fixture = new GatewayFixture(apiPort, gateway.port());
    List<String> users = fixture.users("limit", 2);
    alice = users.get(0);
    bob = users.get(1);
  }

  @Test
  void aSilentConnectionIsClosedAfterTheReadTimeout() {
    GatewayClient silent = fixture.connect(alice, ANDROID);
    silent.await(GatewayClient.Received::ended, properties.readTimeout().plus(GatewayClient.WAIT));
  }

  @Test
  void pingsKeepAConnectionOpen() {
    try (GatewayClient client = fixture.connect(alice, ANDROID)) {
      // Past the read timeout with pings only: without them the server would close the connection meanwhile.
      long until = System.nanoTime() + properties.readTimeout().plusSeconds(2).toNanos();
      while (System.nanoTime() < until) {
        client.sendPing(new byte[] {1});
        client.awaitPong();
        LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
      }
      assertThat(client.request(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build()).errCode()).isZero();
    }
  }

  @Test
  void onlyWebConnectionsArePingedByTheServer() {
    try (GatewayClient android = fixture.connect(alice, ANDROID); GatewayClient web = fixture.connect(alice, WEB)) {
      assertThat(web.awaitPing()).isEmpty();
      assertThat(web.awaitPing()).isEmpty();
      assertThat(android.drain()).noneMatch(received -> received.ping() != null);
    }
  }

  @Test
  void upgradesBeyondTheConnectionLimitAreRefusedWith1601() {
    List<GatewayClient> open = new ArrayList<>();
    try {
      GatewayClient.Refusal refusal = null;
      for (int i = 0; i < 10 && refusal == null; i++) {
        GatewayClient.Refusal attempt = GatewayClient.refusal(gateway.port(), "/", "?sendID=x");
        if (attempt.body().contains("1601")) {
          refusal = attempt;
        } else {
          open.add(fixture.connect(alice, WEB));
        }
      }
      assertThat(refusal).isNotNull();
      assertThat(refusal.status()).isEqualTo(200);
      assertThat(refusal.body())
          .isEqualTo("{\"errCode\":1601,\"errMsg\":\"ConnOverMaxNumLimit\",\"errDlt\":\"over max conn num limit\"}");
      assertThat(open.size()).isLessThanOrEqualTo(6);
    } finally {
      open.forEach(GatewayClient::close);
    }
  }

  /**
   * Bob's client stops reading. Alice keeps sending him big messages: each reaches her own connection at once, bob's
   * queue fills and further pushes to him are dropped, his stalled connection is closed, and on reconnect he pulls
   * every message by seq. Bob's queue must fill before his write timeout closes him: a short queue and a 10 s timeout
   * leave each of those few sends seconds, which a loaded machine needs.
   */
  @Test
  void aClientThatStopsReadingNeitherDelaysOthersNorLosesMessages() {
    double droppedBefore = meters.counter("imflux.gateway.push.dropped").count();
    String chat = ConversationIds.single(alice, bob);
    int sent = 0;
    ScheduledExecutorService pinger = Executors.newScheduledThreadPool(2);
    try (HangingClient hanging = new HangingClient(gateway.port(),
            GatewayClient.sdkQuery(bob, fixture.token(bob, ANDROID), ANDROID));
        GatewayClient fast = fixture.connect(alice, ANDROID)) {
      // Both keep pinging, so that only bob's stalled writes can close a connection, however slow sends get.
      pinger.scheduleWithFixedDelay(hanging::ping, 0, 500, TimeUnit.MILLISECONDS);
      pinger.scheduleWithFixedDelay(() -> {
        if (fast.isOpen()) {
          fast.sendPing(new byte[0]);
        }
      }, 0, 500, TimeUnit.MILLISECONDS);
      ReadFixture.eventually(() -> online(bob));
      while (meters.counter("imflux.gateway.push.dropped").count() == droppedBefore) {
        assertThat(sent).as("pushes to the hanging client were never dropped").isLessThan(400);
        MsgData msg = GatewayFixture.text(alice, bob, "x").toBuilder()
            .setContent(ByteString.copyFromUtf8("{\"content\":\"" + randomText(30_000) + "\"}")).build();
        SendMsgResp reply = fast.call(1003, msg, SendMsgResp.parser());
        sent++;
        MsgData own = GatewayFixture.pushed(fast.awaitPush(2001).data(), chat);
        assertThat(own.getServerMsgID()).isEqualTo(reply.getServerMsgID());
        assertThat(own.getSeq()).isEqualTo(sent);
      }
      // The sweep that closes stalled connections runs every second.
      ReadFixture.eventually(properties.writeTimeout().plusSeconds(1).plus(GatewayClient.WAIT), () -> !online(bob));
      assertThat(fast.isOpen()).isTrue();
    } finally {
      pinger.shutdownNow();
    }
    try (GatewayClient back = fixture.connect(bob, ANDROID)) {
      // Pages of 10: these messages are big, and the SDK reads no frame over 1 MiB (§14).
      List<Long> seqs = new ArrayList<>();
      for (long begin = 1; begin <= sent; begin += 10) {
        long end = Math.min(sent, begin + 9);
        PullMessageBySeqsResp pulled = back.call(1002, RequestsTest.range(bob, chat, begin, end, 10),
            PullMessageBySeqsResp.parser());
        pulled.getMsgsOrThrow(chat).getMsgsList().forEach(msg -> seqs.add(msg.getSeq()));
      }
      assertThat(seqs).hasSize(sent).doesNotHaveDuplicates();
    }
  }

  @Test
  void metersCountConnectionsAndFrames() {
    double in = meters.counter("imflux.gateway.frames.in").count();
    double out = meters.counter("imflux.gateway.frames.out").count();
    try (GatewayClient client = fixture.connect(alice, ANDROID)) {
      assertThat(meters.get("imflux.gateway.connections").gauge().value()).isGreaterThanOrEqualTo(1);
      client.request(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build());
      assertThat(meters.counter("imflux.gateway.frames.in").count()).isGreaterThanOrEqualTo(in + 2);
      // Counted right after the flush, which may be after the client already has the reply.
      ReadFixture.eventually(() -> meters.counter("imflux.gateway.frames.out").count() >= out + 2);
    }
    String prometheus = fixture.api.send("GET", "/actuator/prometheus", Map.of(), null).text();
    assertThat(prometheus).contains("imflux_gateway_connections", "imflux_gateway_frames_in_total",
        "imflux_gateway_push_dropped_total");
  }

  private boolean online(String userID) {
    var status = fixture.api.ok("/user/get_users_status", fixture.api.adminToken(), Map.of("userIDs", List.of(userID)));
    return status.get("statusList").get(0).get("status").asInt() == 1;
  }

  private static String randomText(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] text = new char[length];
    for (int i = 0; i < length; i++) {
      text[i] = (char) ('a' + random.nextInt(26));
    }
    return new String(text);
  }
}
