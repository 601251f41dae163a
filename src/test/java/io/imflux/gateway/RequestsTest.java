package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static io.imflux.gateway.GatewayFixture.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Req;
import io.imflux.gateway.codec.Resp;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.msg.ConversationSeqs;
import io.imflux.proto.msg.GetConversationsHasReadAndMaxSeqReq;
import io.imflux.proto.msg.GetConversationsHasReadAndMaxSeqResp;
import io.imflux.proto.msg.GetLastMessageReq;
import io.imflux.proto.msg.GetLastMessageResp;
import io.imflux.proto.msg.GetSeqMessageReq;
import io.imflux.proto.msg.GetSeqMessageResp;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.push.DelUserPushTokenReq;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.GetMaxSeqResp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMessageBySeqsReq;
import io.imflux.proto.sdkws.PullMessageBySeqsResp;
import io.imflux.proto.sdkws.PullMsgs;
import io.imflux.proto.sdkws.PullOrder;
import io.imflux.proto.sdkws.SeqRange;
import io.imflux.proto.sdkws.SetAppBackgroundStatusReq;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The request catalogue of spec/gateway.md §10-§11 over a real connection, as the Go SDK speaks it (gob + gzip). */
@ImfluxTest
class RequestsTest {

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  GatewayFixture fixture;
  String alice;
  String bob;
  String chat;

  @BeforeEach
  void users() {
    fixture = new GatewayFixture(apiPort, gateway.port());
    List<String> users = fixture.users("req", 2);
    alice = users.get(0);
    bob = users.get(1);
    chat = ConversationIds.single(alice, bob);
  }

  @Test
  void sendThenNewestSeqThenRangePull() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      List<String> serverMsgIDs = new ArrayList<>();
      for (int i = 1; i <= 3; i++) {
        MsgData msg = text(alice, bob, "hi " + i);
        SendMsgResp sent = a.call(1003, msg, SendMsgResp.parser());
        assertThat(sent.getClientMsgID()).isEqualTo(msg.getClientMsgID());
        assertThat(sent.getServerMsgID()).matches("[0-9a-f]{32}");
        assertThat(sent.getSendTime()).isPositive();
        assertThat(sent.hasModify()).isFalse();
        serverMsgIDs.add(sent.getServerMsgID());
      }
      GetMaxSeqResp seqs = a.call(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build(), GetMaxSeqResp.parser());
      assertThat(seqs.getMaxSeqsMap()).containsEntry(chat, 3L);
      assertThat(seqs.getMinSeqsMap()).isEmpty();

      PullMessageBySeqsResp all = a.call(1002, range(alice, chat, 1, 3, 10), PullMessageBySeqsResp.parser());
      PullMsgs pulled = all.getMsgsOrThrow(chat);
      assertThat(pulled.getMsgsList()).extracting(MsgData::getSeq).containsExactly(1L, 2L, 3L);
      assertThat(pulled.getMsgsList()).extracting(MsgData::getServerMsgID).containsExactlyElementsOf(serverMsgIDs);
      assertThat(pulled.getIsEnd()).isTrue();
      assertThat(pulled.getMsgs(0).getStatus()).isEqualTo(2);

      PullMessageBySeqsResp newest = a.call(1002, range(alice, chat, 0, 3, 1), PullMessageBySeqsResp.parser());
      assertThat(newest.getMsgsOrThrow(chat).getMsgsList()).extracting(MsgData::getSeq).containsExactly(3L);
    }
  }

  /** 1005 (§11): request order, an entry for every conversation, isEnd/endSeq at the window's edge. */
  @Test
  void explicitSeqPull() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      sendTexts(a, 3);
      String unknown = "si_nobody_" + alice;
      GetSeqMessageReq request = GetSeqMessageReq.newBuilder()
          .setUserID(alice)
          .setOrder(PullOrder.PullOrderAsc)
          .addConversations(ConversationSeqs.newBuilder().setConversationID(chat).addAllSeqs(List.of(3L, 1L, 9L)))
          .addConversations(ConversationSeqs.newBuilder().setConversationID(unknown).addSeqs(1))
          .addConversations(ConversationSeqs.newBuilder().setConversationID("n_" + alice + "_" + alice).addSeqs(1))
          .build();
      GetSeqMessageResp resp = a.call(1005, request, GetSeqMessageResp.parser());
      PullMsgs pulled = resp.getMsgsOrThrow(chat);
      assertThat(pulled.getMsgsList()).extracting(MsgData::getSeq).containsExactly(3L, 1L);
      assertThat(pulled.getIsEnd()).isTrue();
      assertThat(pulled.getEndSeq()).isEqualTo(3);
      assertThat(resp.getMsgsOrThrow(unknown).getMsgsList()).isEmpty();
      assertThat(resp.getNotificationMsgsMap()).containsKey("n_" + alice + "_" + alice);

      GetSeqMessageResp older = a.call(1005, GetSeqMessageReq.newBuilder().setUserID(alice)
          .setOrder(PullOrder.PullOrderDesc)
          .addConversations(ConversationSeqs.newBuilder().setConversationID(chat).addAllSeqs(List.of(2L, 1L)))
          .build(), GetSeqMessageResp.parser());
      assertThat(older.getMsgsOrThrow(chat).getIsEnd()).isFalse();
      assertThat(older.getMsgsOrThrow(chat).getMsgsList()).extracting(MsgData::getSeq).containsExactly(2L, 1L);
    }
  }

  /** §20 Q5, our decision: 1005, 1007 and 2003 check userID against the connection (1002 unless admin). */
  @Test
  void explicitPullLastMessageAndLogoutAreForTheConnectionsOwnUser() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      Resp seq = a.request(1005, GetSeqMessageReq.newBuilder().setUserID(bob).build());
      assertThat(seq.errCode()).isEqualTo(1002);
      assertThat(seq.errMsg()).isEqualTo("NoPermissionError");
      assertThat(seq.data()).isEmpty();
      assertThat(a.request(1007, GetLastMessageReq.newBuilder().setUserID(bob).build()).errCode()).isEqualTo(1002);
      Resp logout = a.request(2003, DelUserPushTokenReq.newBuilder().setUserID(bob).setPlatformID(ANDROID).build());
      assertThat(logout.errCode()).isEqualTo(1002);
      a.awaitClosed();
    }
  }

  @Test
  void readAndMaxSeqs() {
    try (GatewayClient a = fixture.connect(alice, ANDROID); GatewayClient b = fixture.connect(bob, ANDROID)) {
      sendTexts(a, 2);
      GetConversationsHasReadAndMaxSeqResp mine = a.call(1006, GetConversationsHasReadAndMaxSeqReq.newBuilder()
          .setUserID(alice).build(), GetConversationsHasReadAndMaxSeqResp.parser());
      assertThat(mine.getSeqsOrThrow(chat).getMaxSeq()).isEqualTo(2);
      assertThat(mine.getSeqsOrThrow(chat).getHasReadSeq()).isEqualTo(2);
      GetConversationsHasReadAndMaxSeqResp theirs = b.call(1006, GetConversationsHasReadAndMaxSeqReq.newBuilder()
          .setUserID(bob).addConversationIDs(chat).build(), GetConversationsHasReadAndMaxSeqResp.parser());
      assertThat(theirs.getSeqsOrThrow(chat).getHasReadSeq()).isZero();
      assertThat(theirs.getSeqsOrThrow(chat).getMaxSeqTime()).isPositive();
      assertThat(a.request(1006, GetConversationsHasReadAndMaxSeqReq.newBuilder().setUserID(bob).build()).errCode())
          .isEqualTo(1002);
    }
  }

  @Test
  void lastMessageOfEachConversation() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      List<MsgData> sent = sendTexts(a, 2);
      GetLastMessageResp last = a.call(1007, GetLastMessageReq.newBuilder().setUserID(alice)
          .addConversationIDs(chat).addConversationIDs("si_nobody_" + alice).build(), GetLastMessageResp.parser());
      assertThat(last.getMsgsMap()).containsOnlyKeys(chat);
      assertThat(last.getMsgsOrThrow(chat).getClientMsgID()).isEqualTo(sent.get(1).getClientMsgID());
      assertThat(last.getMsgsOrThrow(chat).getSeq()).isEqualTo(2);
    }
  }

  @Test
  void signallingAlwaysFailsWith1001() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      Resp resp = a.request(1004, text(alice, bob, "call"));
      assertThat(resp.errCode()).isEqualTo(1001);
      assertThat(resp.errMsg()).isEqualTo("ArgsError");
    }
  }

  @Test
  void logoutRepliesThenCloses() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      Resp resp = a.request(2003, DelUserPushTokenReq.newBuilder().setUserID(alice).setPlatformID(ANDROID).build());
      assertThat(resp.errCode()).isZero();
      assertThat(resp.data()).isEmpty();
      a.awaitClosed();
    }
  }

  @Test
  void backgroundStatusRepliesWithoutData() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      Resp resp = a.request(2004, SetAppBackgroundStatusReq.newBuilder().setUserID(alice).setIsBackground(true).build());
      assertThat(resp.errCode()).isZero();
      assertThat(resp.data()).isEmpty();
      assertThat(onlineDetail(alice).get("isBackground").asBoolean()).isTrue();
      a.request(2004, SetAppBackgroundStatusReq.newBuilder().setUserID(alice).setIsBackground(false).build());
      assertThat(onlineDetail(alice).get("isBackground").asBoolean()).isFalse();
    }
  }

  /** §10.2-§10.6: what closes the connection and what is an error reply on an open one. */
  @Test
  void badPayloadsAreErrorRepliesOnAnOpenConnection() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      Resp garbage = a.request(new Req(1001, "", alice, "op1", alice + "_g", new byte[] {(byte) 0xff, 0x01}));
      assertThat(garbage.errCode()).isEqualTo(500);
      assertThat(garbage.errMsg()).isEqualTo("ServerInternalError");
      assertThat(garbage.msgIncr()).isEqualTo(alice + "_g");
      assertThat(garbage.operationID()).isEqualTo("op1");
      Resp noOperationID = a.request(new Req(1002, "", alice, "", alice + "_n",
          range(alice, chat, 1, 1, 1).toByteArray()));
      assertThat(noOperationID.errCode()).isEqualTo(500);
      Resp unchecked = a.request(new Req(1001, "", alice, "", alice + "_u",
          GetMaxSeqReq.newBuilder().setUserID(alice).build().toByteArray()));
      assertThat(unchecked.errCode()).isZero();
      MsgData empty = text(alice, bob, "x").toBuilder().setContent(ByteString.EMPTY).build();
      assertThat(a.request(1003, empty).errCode()).isEqualTo(1001);
      MsgData impersonating = text(bob, alice, "x");
      assertThat(a.request(1003, impersonating).errCode()).isEqualTo(1002);
      assertThat(a.request(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build()).errCode()).isZero();
    }
  }

  @Test
  void unknownRequestsOtherUsersAndUndecodableFramesCloseTheConnection() {
    for (Req closing : new Req[] {
        new Req(9999, "", alice, "op", alice + "_1", new byte[0]),
        new Req(0, "", alice, "op", alice + "_1", new byte[0]),
        new Req(1001, "", bob, "op", bob + "_1", GetMaxSeqReq.newBuilder().setUserID(bob).build().toByteArray())}) {
      try (GatewayClient a = fixture.connect(alice, ANDROID)) {
        a.send(closing);
        a.awaitClosed();
        assertThat(a.drain()).noneMatch(received -> received.resp() != null);
      }
    }
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      a.sendBinary(FrameFormat.GOB.encode(a.req(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build())));
      a.awaitClosed();
    }
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      a.sendBinary(FrameFormat.GOB_GZIP.encode(new Resp(1001, "x", "y", 0, "", new byte[0])));
      a.awaitClosed();
    }
  }

  /** §10.1: one request at a time in arrival order, so pipelined requests are answered in order. */
  @Test
  void pipelinedRequestsAreAnsweredInOrder() {
    try (GatewayClient a = fixture.connect(alice, ANDROID)) {
      List<Req> sent = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        sent.add(a.req(1003, text(alice, bob, "p" + i)));
        sent.add(a.req(1001, GetMaxSeqReq.newBuilder().setUserID(alice).build()));
      }
      sent.forEach(a::send);
      List<Resp> replies = new ArrayList<>();
      while (replies.size() < sent.size()) {
        replies.add(a.awaitResp(resp -> !resp.msgIncr().isEmpty()).resp());
      }
      assertThat(replies).extracting(Resp::msgIncr).containsExactlyElementsOf(sent.stream().map(Req::msgIncr).toList());
      assertThat(replies).allMatch(resp -> resp.errCode() == 0);
      GetMaxSeqResp last = GatewayClient.parse(replies.get(replies.size() - 1).data(), GetMaxSeqResp.parser());
      assertThat(last.getMaxSeqsMap()).containsEntry(chat, 5L);
    }
  }

  @Test
  void jsonEnvelopeWithAndWithoutGzip() {
    for (FrameFormat format : new FrameFormat[] {FrameFormat.JSON, FrameFormat.JSON_GZIP}) {
      Map<String, String> query = new LinkedHashMap<>(GatewayClient.sdkParameters(alice,
          fixture.token(alice, ANDROID), ANDROID));
      query.put("sdkType", "js");
      query.put("compression", format.gzip() ? "gzip" : "none");
      try (GatewayClient a = GatewayClient.connect(gateway.port(), "/", GatewayClient.query(query), alice, format)) {
        SendMsgResp sent = a.call(1003, text(alice, bob, "json"), SendMsgResp.parser());
        MsgData pushed = GatewayFixture.pushed(a.awaitPush(2001).data(), chat);
        assertThat(pushed.getServerMsgID()).isEqualTo(sent.getServerMsgID());
      }
    }
  }

  private List<MsgData> sendTexts(GatewayClient client, int count) {
    List<MsgData> sent = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      MsgData msg = text(alice, bob, "t" + i);
      client.call(1003, msg, SendMsgResp.parser());
      sent.add(msg);
    }
    return sent;
  }

  static PullMessageBySeqsReq range(String userID, String conversationID, long begin, long end, long num) {
    return PullMessageBySeqsReq.newBuilder()
        .setUserID(userID)
        .addSeqRanges(SeqRange.newBuilder().setConversationID(conversationID).setBegin(begin).setEnd(end).setNum(num))
        .build();
  }

  private tools.jackson.databind.JsonNode onlineDetail(String userID) {
    var data = fixture.api.ok("/user/get_users_online_status", fixture.api.adminToken(),
        Map.of("userIDs", List.of(userID)));
    return data.get(0).get("detailPlatformStatus").get(0);
  }
}
