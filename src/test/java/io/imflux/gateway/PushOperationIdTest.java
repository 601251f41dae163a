package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.gateway.codec.Req;
import io.imflux.gateway.codec.Resp;
import io.imflux.proto.sdkws.PushMessages;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A push frame carries the operationID of the request that caused it (spec/gateway.md §12.1): the official SDK
 * handles a push under that operationID and refuses to call the API under an empty one, so without it a device
 * that receives a first message cannot even create the conversation (found by the SDK compatibility suite).
 */
@ImfluxTest
class PushOperationIdTest {

  @LocalServerPort
  int port;

  @Autowired
  GatewayServer gateway;

  private GatewayFixture fixture;

  @BeforeEach
  void fixture() {
    fixture = new GatewayFixture(port, gateway.port());
  }

  @Test
  void aMessageSentOverTheGatewayIsPushedUnderItsSendersOperationID() {
    List<String> users = fixture.users("op", 2);
    String alice = users.get(0);
    String bob = users.get(1);
    try (GatewayClient a = fixture.connect(alice, ANDROID); GatewayClient b = fixture.connect(bob, ANDROID)) {
      Req send = a.req(1003, GatewayFixture.text(alice, bob, "hi"));
      assertThat(a.request(send).errCode()).isZero();

      assertThat(b.awaitPush(2001).operationID()).isEqualTo(send.operationID());
      assertThat(a.awaitPush(2001).operationID()).isEqualTo(send.operationID());
    }
  }

  @Test
  void aMessageSentOverHttpIsPushedUnderTheRequestsOperationID() {
    List<String> users = fixture.users("op", 2);
    try (GatewayClient b = fixture.connect(users.get(1), ANDROID)) {
      var sent = fixture.api.send("POST", "/msg/send_msg",
          Map.of("operationID", "op-http-send", "token", fixture.api.adminToken()),
          "{\"sendID\":\"" + users.get(0) + "\",\"recvID\":\"" + users.get(1) + "\",\"contentType\":101,"
              + "\"sessionType\":1,\"content\":{\"content\":\"hi\"}}");
      assertThat(sent.errCode()).as(sent.text()).isZero();

      assertThat(b.awaitPush(2001).operationID()).isEqualTo("op-http-send");
    }
  }

  @Test
  void aNotificationIsPushedUnderTheOperationIDOfTheChangeThatEmittedIt() {
    String alice = fixture.users("op", 1).get(0);
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      var updated = fixture.api.send("POST", "/user/update_user_info_ex",
          Map.of("operationID", "op-profile", "token", fixture.token(alice, ANDROID)),
          "{\"userInfo\":{\"userID\":\"" + alice + "\",\"nickname\":\"New\"}}");
      assertThat(updated.errCode()).as(updated.text()).isZero();

      Resp push = a.awaitPush(2001);
      assertThat(GatewayClient.parse(push.data(), PushMessages.parser()).getNotificationMsgsMap()).isNotEmpty();
      assertThat(push.operationID()).isEqualTo("op-profile");
    }
  }
}
