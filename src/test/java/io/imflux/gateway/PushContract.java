package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static io.imflux.gateway.GatewayFixture.WEB;
import static io.imflux.gateway.GatewayFixture.pushed;
import static io.imflux.gateway.GatewayFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Resp;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMessageBySeqsResp;
import io.imflux.proto.sdkws.PushMessages;
import io.imflux.testing.GatewayClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Pushes (spec/gateway.md §12.1, §19.5): every stored or online-only message reaches every connection of every
 * recipient, the sender's own devices included, the same bytes for every connection of one format. The dialects
 * differ in the content types a client is shown.
 */
abstract class PushContract {

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  GatewayFixture fixture;
  String alice;
  String bob;
  String chat;

  /** The dialect's number for Linux (spec/dialects.md §2). */
  abstract int linux();

  /** The quote content type a client is shown (spec/dialects.md §3). */
  abstract int shownQuote();

  /** The business notification content type a client is shown. */
  abstract int shownBusinessNotification();

  @BeforeEach
  void users() {
    fixture = new GatewayFixture(apiPort, gateway.port());
    List<String> users = fixture.users("push", 2);
    alice = users.get(0);
    bob = users.get(1);
    chat = ConversationIds.single(alice, bob);
  }

  @Test
  void aMessageSentOverHttpReachesTheReceiverAndEverySenderDevice() {
    try (GatewayClient aliceAndroid = fixture.connect(alice, ANDROID);
        GatewayClient aliceLinux = fixture.connect(alice, linux());
        GatewayClient bobAndroid = fixture.connect(bob, ANDROID);
        GatewayClient bobWeb = fixture.connect(bob, WEB)) {
      String body = "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":101,\"sessionType\":1,"
          + "\"content\":{\"content\":\"over http\"}}";
      var sent = fixture.api.ok("/msg/send_msg", fixture.api.adminToken(), body);
      List<MsgData> received = new ArrayList<>();
      for (GatewayClient client : List.of(aliceAndroid, aliceLinux, bobAndroid, bobWeb)) {
        received.add(pushed(client.awaitPush(2001).data(), chat));
      }
      assertThat(received).allSatisfy(msg -> {
        assertThat(msg.getServerMsgID()).isEqualTo(sent.get("serverMsgID").asString());
        assertThat(msg.getSeq()).isEqualTo(1);
        assertThat(msg.getStatus()).isEqualTo(2);
        assertThat(msg.getContent().toStringUtf8()).contains("over http");
      });
      assertThat(received).containsOnly(received.get(0));
    }
  }

  @Test
  void aMessageSentOver1003ReachesTheSendingDeviceTooWithItsSeq() {
    try (GatewayClient aliceAndroid = fixture.connect(alice, ANDROID);
        GatewayClient aliceLinux = fixture.connect(alice, linux());
        GatewayClient bobAndroid = fixture.connect(bob, ANDROID)) {
      MsgData msg = text(alice, bob, "over ws");
      SendMsgResp sent = aliceAndroid.call(1003, msg, SendMsgResp.parser());
      Resp own = aliceAndroid.awaitPush(2001);
      assertThat(own.msgIncr()).isEmpty();
      assertThat(own.errCode()).isZero();
      // The push carries the send's operationID (spec §12.1): the SDK calls the API under it (PushOperationIdTest).
      assertThat(own.operationID()).isNotEmpty();
      MsgData mine = pushed(own.data(), chat);
      assertThat(mine.getClientMsgID()).isEqualTo(msg.getClientMsgID());
      assertThat(mine.getServerMsgID()).isEqualTo(sent.getServerMsgID());
      assertThat(mine.getSendTime()).isEqualTo(sent.getSendTime());
      assertThat(mine.getSeq()).isEqualTo(1);
      assertThat(pushed(aliceLinux.awaitPush(2001).data(), chat)).isEqualTo(mine);
      MsgData theirs = pushed(bobAndroid.awaitPush(2001).data(), chat);
      assertThat(theirs).isEqualTo(mine);

      PullMessageBySeqsResp pulled = bobAndroid.call(1002, RequestsTest.range(bob, chat, 1, 1, 10),
          PullMessageBySeqsResp.parser());
      assertThat(pulled.getMsgsOrThrow(chat).getMsgs(0)).isEqualTo(theirs);
    }
  }

  /** Every frame format gets the same push; one format's connections get the very same bytes. */
  @Test
  void everyFrameFormatGetsTheSamePush() {
    String token = fixture.token(bob, ANDROID);
    Map<FrameFormat, GatewayClient> clients = new LinkedHashMap<>();
    try {
      for (FrameFormat format : FrameFormat.values()) {
        Map<String, String> query = new LinkedHashMap<>(GatewayClient.sdkParameters(bob, token, ANDROID));
        query.put("sdkType", format == FrameFormat.JSON || format == FrameFormat.JSON_GZIP ? "js" : "go");
        query.put("compression", format.gzip() ? "gzip" : "");
        clients.put(format, GatewayClient.connect(gateway.port(), "/", GatewayClient.query(query), bob, format).sync());
      }
      GatewayClient second = fixture.connect(bob, ANDROID);
      clients.put(null, second);
      try (GatewayClient a = fixture.connect(alice, ANDROID)) {
        a.call(1003, text(alice, bob, "formats"), SendMsgResp.parser());
      }
      List<PushMessages> pushes = new ArrayList<>();
      List<byte[]> gobGzipFrames = new ArrayList<>();
      clients.forEach((format, client) -> {
        GatewayClient.Received received = client.awaitResp(resp -> resp.reqIdentifier() == 2001);
        pushes.add(GatewayClient.parse(received.resp().data(), PushMessages.parser()));
        if (format == null || format == FrameFormat.GOB_GZIP) {
          gobGzipFrames.add(received.raw());
        }
      });
      assertThat(pushes).containsOnly(pushes.get(0));
      assertThat(gobGzipFrames.get(0)).isEqualTo(gobGzipFrames.get(1));
    } finally {
      clients.values().forEach(GatewayClient::close);
    }
  }

  /** An online-only notification: seq 0, in notificationMsgs under its n_ conversation, shown in the dialect. */
  @Test
  void onlineOnlyNotificationsArePushedWithSeqZero() {
    try (GatewayClient bobAndroid = fixture.connect(bob, ANDROID)) {
      fixture.api.ok("/msg/send_business_notification", fixture.api.adminToken(), Map.of(
          "sendUserID", alice, "recvUserID", bob, "key", "k", "data", "d", "reliabilityLevel", 1));
      MsgData msg = pushed(bobAndroid.awaitPush(2001).data(), ConversationIds.notificationTwin(chat));
      assertThat(msg.getSeq()).isZero();
      assertThat(msg.getContentType()).isEqualTo(shownBusinessNotification());
      assertThat(msg.getSessionType()).isEqualTo(1);
    }
  }

  /** Content types are translated at the edge: the client's number in, the dialect's number out (dialects §3). */
  @Test
  void quotesArePushedAndPulledInTheDialectsNumbers() {
    try (GatewayClient a = fixture.connect(alice, ANDROID); GatewayClient b = fixture.connect(bob, ANDROID)) {
      for (int sentType : new int[] {112, 114}) {
        MsgData quote = text(alice, bob, "q").toBuilder().setContentType(sentType)
            .setContent(ByteString.copyFromUtf8("{\"text\":\"q\",\"quoteMessage\":{\"clientMsgID\":\"x\","
                + "\"contentType\":101,\"content\":\"{}\"}}"))
            .build();
        a.call(1003, quote, SendMsgResp.parser());
        MsgData pushedQuote = pushed(b.awaitPush(2001).data(), chat);
        assertThat(pushedQuote.getContentType()).isEqualTo(shownQuote());
        PullMessageBySeqsResp pulled = b.call(1002, RequestsTest.range(bob, chat, pushedQuote.getSeq(),
            pushedQuote.getSeq(), 1), PullMessageBySeqsResp.parser());
        assertThat(pulled.getMsgsOrThrow(chat).getMsgs(0).getContentType()).isEqualTo(shownQuote());
      }
    }
  }
}
