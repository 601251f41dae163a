package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.gateway.codec.Req;
import io.imflux.gateway.codec.Resp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PushMessages;
import io.imflux.testing.ApiClient;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import java.util.Map;
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

  private static final int ANDROID = 2;

  @LocalServerPort
  int port;

  @Autowired
  GatewayServer gateway;

  @Test
  void aMessageSentOverTheGatewayIsPushedUnderItsSendersOperationID() {
    ApiClient api = new ApiClient(port);
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    try (GatewayClient a = GatewayClient.connect(gateway.port(), alice, api.userToken(alice, ANDROID), ANDROID);
        GatewayClient b = GatewayClient.connect(gateway.port(), bob, api.userToken(bob, ANDROID), ANDROID)) {
      Req send = a.req(1003, MsgData.newBuilder().setSendID(alice).setRecvID(bob).setClientMsgID("op-ws")
          .setSessionType(1).setMsgFrom(100).setContentType(101)
          .setContent(ByteString.copyFromUtf8("{\"content\":\"hi\"}")).setStatus(1).setSenderPlatformID(ANDROID)
          .build());
      assertThat(a.request(send).errCode()).isZero();

      assertThat(b.awaitPush(2001).operationID()).isEqualTo(send.operationID());
      assertThat(a.awaitPush(2001).operationID()).isEqualTo(send.operationID());
    }
  }

  @Test
  void aMessageSentOverHttpIsPushedUnderTheRequestsOperationID() {
    ApiClient api = new ApiClient(port);
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    try (GatewayClient b = GatewayClient.connect(gateway.port(), bob, api.userToken(bob, ANDROID), ANDROID)) {
      ApiClient.Result sent = api.send("POST", "/msg/send_msg",
          Map.of("operationID", "op-http-send", "token", api.adminToken()),
          "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":101,\"sessionType\":1,"
              + "\"content\":{\"content\":\"hi\"}}");
      assertThat(sent.errCode()).as(sent.text()).isZero();

      assertThat(b.awaitPush(2001).operationID()).isEqualTo("op-http-send");
    }
  }

  @Test
  void aNotificationIsPushedUnderTheOperationIDOfTheChangeThatEmittedIt() {
    ApiClient api = new ApiClient(port);
    String alice = ApiClient.uniqueId("alice");
    api.register(alice);
    String token = api.userToken(alice, ANDROID);
    try (GatewayClient a = GatewayClient.connect(gateway.port(), alice, token, ANDROID)) {
      ApiClient.Result updated = api.send("POST", "/user/update_user_info_ex",
          Map.of("operationID", "op-profile", "token", token),
          "{\"userInfo\":{\"userID\":\"" + alice + "\",\"nickname\":\"New\"}}");
      assertThat(updated.errCode()).as(updated.text()).isZero();

      Resp push = a.awaitPush(2001);
      assertThat(GatewayClient.parse(push.data(), PushMessages.parser()).getNotificationMsgsMap()).isNotEmpty();
      assertThat(push.operationID()).isEqualTo("op-profile");
    }
  }
}
