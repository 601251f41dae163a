package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.gateway.codec.Resp;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.GetMaxSeqResp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PushMessages;
import io.imflux.testing.ApiClient;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@ImfluxTest
class GatewaySmokeTest {

  @LocalServerPort
  int port;

  @Autowired
  GatewayServer gateway;

  @Test
  void sendAndReceive() {
    ApiClient api = new ApiClient(port);
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    try (GatewayClient a = GatewayClient.connect(gateway.port(), alice, api.userToken(alice, 2), 2);
        GatewayClient b = GatewayClient.connect(gateway.port(), bob, api.userToken(bob, 2), 2)) {
      GetMaxSeqResp seqs = a.call(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build(), GetMaxSeqResp.parser());
      assertThat(seqs.getMaxSeqsMap()).isEmpty();
      MsgData msg = MsgData.newBuilder().setSendID(alice).setRecvID(bob).setClientMsgID("c1").setSessionType(1)
          .setMsgFrom(100).setContentType(101).setContent(ByteString.copyFromUtf8("{\"content\":\"hi\"}"))
          .setStatus(1).setSenderPlatformID(2).build();
      SendMsgResp sent = a.call(1003, msg, SendMsgResp.parser());
      assertThat(sent.getClientMsgID()).isEqualTo("c1");
      Resp push = b.awaitPush(2001);
      PushMessages pushed = GatewayClient.parse(push.data(), PushMessages.parser());
      assertThat(pushed.getMsgsMap()).hasSize(1);
      Resp own = a.awaitPush(2001);
      assertThat(own.data()).isEqualTo(push.data());
    }
  }
}
