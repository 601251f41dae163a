package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Req;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Heartbeats and the inbound size limit (spec/gateway.md §4, §13, §14). */
@ImfluxTest
class HeartbeatTest {

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  GatewayFixture fixture;
  String user;

  @BeforeEach
  void user() {
    fixture = new GatewayFixture(apiPort, gateway.port());
    user = fixture.users("beat", 1).get(0);
  }

  @Test
  void aPingIsAnsweredWithAPongCarryingItsPayload() {
    try (GatewayClient client = fixture.connect(user, ANDROID)) {
      client.sendPing("op-24s".getBytes(StandardCharsets.UTF_8));
      assertThat(GatewayClient.text(client.awaitPong())).isEqualTo("op-24s");
    }
  }

  @Test
  void jsonTextPingsAreAnsweredWithTheBodyEchoedAsGoWritesIt() {
    try (GatewayClient client = fixture.connect(user, ANDROID)) {
      client.sendText("{\"type\":\"ping\",\"body\":\"op1\"}");
      assertThat(client.awaitText()).isEqualTo("{\"type\":\"pong\",\"body\":\"op1\"}");
      client.sendText("{ \"TYPE\" : \"ping\", \"extra\": [1, 2], \"body\" : { \"a\" : \"<b> & c\" ,\n \"n\" : 1e3 } }");
      assertThat(client.awaitText())
          .isEqualTo("{\"type\":\"pong\",\"body\":{\"a\":\"\\u003cb\\u003e \\u0026 c\",\"n\":1e3}}");
      client.sendText("{\"type\":\"ping\"}");
      assertThat(client.awaitText()).isEqualTo("{\"type\":\"pong\",\"body\":null}");
      client.sendText("{\"type\":\"pong\",\"body\":\"x\"}");
      assertThat(client.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
      assertThat(client.drain()).noneMatch(received -> received.text() != null);
    }
  }

  @Test
  void anyOtherTextClosesTheConnection() {
    for (String text : new String[] {"hello", "{\"type\":\"hello\"}", "[1]", "{\"type\":1}", "{\"type\":\"ping\"} x"}) {
      try (GatewayClient client = fixture.connect(user, ANDROID)) {
        client.sendText(text);
        client.awaitClosed();
        assertThat(client.drain()).as(text).noneMatch(received -> received.text() != null);
      }
    }
  }

  /** §14: 51200 bytes is the largest message; one byte more closes the connection with 1009. */
  @Test
  void aMessageOverTheLimitClosesTheConnection() {
    Map<String, String> query = GatewayClient.sdkParameters(user, fixture.token(user, ANDROID), ANDROID);
    query.remove("compression");
    try (GatewayClient client = GatewayClient.connect(gateway.port(), "/", GatewayClient.query(query), user,
        FrameFormat.GOB).sync()) {
      byte[] largest = frameOfSize(client, 51200);
      client.sendBinary(largest);
      assertThat(client.awaitResp(resp -> resp.reqIdentifier() == 1001).resp().errCode()).isZero();
      client.sendBinary(frameOfSize(client, 51201));
      GatewayClient.Received closed = client.await(received -> received.closeCode() != null || received.ended(),
          GatewayClient.WAIT);
      assertThat(closed.ended() || closed.closeCode() == 1009).isTrue();
      client.awaitClosed();
    }
  }

  /** A 1001 request padded with an unknown protobuf field so that its gob frame is exactly {@code size} bytes. */
  private byte[] frameOfSize(GatewayClient client, int size) {
    int padding = size;
    while (true) {
      GetMaxSeqReq body = GetMaxSeqReq.newBuilder().setUserID(user).setUnknownFields(UnknownFieldSet.newBuilder()
          .addField(15, UnknownFieldSet.Field.newBuilder()
              .addLengthDelimited(ByteString.copyFrom(new byte[padding])).build())
          .build()).build();
      Req req = client.req(1001, body);
      byte[] frame = FrameFormat.GOB.encode(req);
      if (frame.length == size) {
        return frame;
      }
      padding -= frame.length - size;
    }
  }
}
