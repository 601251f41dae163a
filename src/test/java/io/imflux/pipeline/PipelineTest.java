package io.imflux.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.cluster.PushRouter.Push;
import io.imflux.cluster.SeqAllocator;
import io.imflux.cluster.memory.LocalPushRouter;
import io.imflux.conversation.ConversationStore;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageSender;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/** A message's way through the real pipeline: send path, shard, seq, store, records, acknowledgement, push. */
@ImfluxTest
class PipelineTest {

  @LocalServerPort
  int port;
  @Autowired
  MessageSender sender;
  @Autowired
  MessageStore store;
  @Autowired
  SeqAllocator seqs;
  @Autowired
  ConversationStore conversations;
  @Autowired
  LocalPushRouter pushRouter;
  @Autowired
  com.mongodb.reactivestreams.client.MongoDatabase database;

  ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  static MsgData text(String from, String to, String text) {
    return MsgData.newBuilder()
        .setSendID(from)
        .setRecvID(to)
        .setClientMsgID(java.util.UUID.randomUUID().toString().replace("-", ""))
        .setSessionType(ConversationIds.SINGLE_CHAT)
        .setMsgFrom(100)
        .setContentType(101)
        .setContent(ByteString.copyFrom("{\"content\":\"" + text + "\"}", StandardCharsets.UTF_8))
        .setCreateTime(System.currentTimeMillis())
        .build();
  }

  static Operator as(String userID) {
    return new Operator(userID, Platform.ANDROID, false);
  }

  @Test
  void concurrentSendersInOneConversationGetDenseUniqueSeqs() {
    String a = ApiClient.uniqueId("pa");
    String b = ApiClient.uniqueId("pb");
    api.register(a, b);
    int perSender = 150;

    Flux.range(0, perSender * 2)
        .flatMap(i -> i % 2 == 0
            ? sender.send(as(a), text(a, b, "a" + i))
            : sender.send(as(b), text(b, a, "b" + i)), 64)
        .collectList()
        .block(Duration.ofSeconds(60));

    String conversationID = ConversationIds.single(a, b);
    List<Long> all = LongStream.rangeClosed(1, perSender * 2L).boxed().toList();
    List<StoredMessage> stored = store.find(conversationID, all).collectList().block(Duration.ofSeconds(30));
    assertThat(stored).extracting(StoredMessage::seq).containsExactlyElementsOf(all);
    assertThat(stored).extracting(m -> m.msg().getServerMsgID()).doesNotHaveDuplicates();
    assertThat(stored).allSatisfy(m -> assertThat(m.msg().getStatus()).isEqualTo(2));
    assertThat(seqs.conversation(conversationID).block().maxSeq()).isEqualTo(perSender * 2L);
  }

  @Test
  void conversationsAreNumberedIndependently() {
    List<String> users = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      users.add(ApiClient.uniqueId("pc"));
    }
    api.register(users.toArray(String[]::new));

    Flux.range(0, 300)
        .flatMap(i -> {
          String from = users.get(i % 3);
          String to = users.get(3 + i % 3);
          return sender.send(as(from), text(from, to, "m" + i));
        }, 64)
        .blockLast(Duration.ofSeconds(60));

    for (int i = 0; i < 3; i++) {
      String conversationID = ConversationIds.single(users.get(i), users.get(3 + i));
      assertThat(seqs.conversation(conversationID).block().maxSeq()).isEqualTo(100);
      assertThat(store.find(conversationID, LongStream.rangeClosed(1, 100).boxed().toList()).count().block())
          .isEqualTo(100);
    }
  }

  @Test
  void theFirstMessageCreatesBothRecordsAndSendersHaveReadTheirOwnMessages() {
    String a = ApiClient.uniqueId("pr");
    String b = ApiClient.uniqueId("pr");
    api.register(a, b);

    sender.send(as(a), text(a, b, "hello")).block(Duration.ofSeconds(10));
    sender.send(as(a), text(a, b, "again")).block(Duration.ofSeconds(10));

    String conversationID = ConversationIds.single(a, b);
    assertThat(conversations.conversationIDs(a).block()).containsExactly(conversationID);
    assertThat(conversations.conversationIDs(b).block()).containsExactly(conversationID);
    assertThat(conversations.find(b, conversationID).block().getUserID()).isEqualTo(a);
    assertThat(seqs.user(a, conversationID).block().readSeq()).isEqualTo(2);
    assertThat(seqs.user(b, conversationID).block().readSeq()).isZero();
  }

  @Test
  void aStoredMessageIsPushedToTheReceiverAndTheSendersDevicesWithItsSeq() {
    String a = ApiClient.uniqueId("pp");
    String b = ApiClient.uniqueId("pp");
    api.register(a, b);
    List<Push> seen = new CopyOnWriteArrayList<>();
    Disposable watch = pushRouter.pushes().subscribe(seen::add);
    try {
      var ack = sender.send(as(a), text(a, b, "push me")).block(Duration.ofSeconds(10));

      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
          seen.stream().anyMatch(p -> p.msg().getServerMsgID().equals(ack.getServerMsgID())));
      Push push = seen.stream().filter(p -> p.msg().getServerMsgID().equals(ack.getServerMsgID())).findFirst().get();
      assertThat(push.conversationID()).isEqualTo(ConversationIds.single(a, b));
      assertThat(push.notification()).isFalse();
      assertThat(push.userIDs()).isEqualTo(Set.of(a, b));
      assertThat(push.msg().getSeq()).isEqualTo(1);
      assertThat(push.msg().getClientMsgID()).isEqualTo(ack.getClientMsgID());
    } finally {
      watch.dispose();
    }
  }

  @Test
  void anOnlineOnlyMessageIsPushedWithSeqZeroAndNotStored() {
    String a = ApiClient.uniqueId("po");
    String b = ApiClient.uniqueId("po");
    api.register(a, b);
    List<Push> seen = new CopyOnWriteArrayList<>();
    Disposable watch = pushRouter.pushes().subscribe(seen::add);
    try {
      MsgData typing = text(a, b, "typing").toBuilder().setContentType(113).build();
      var ack = sender.send(as(a), typing).block(Duration.ofSeconds(10));

      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
          seen.stream().anyMatch(p -> p.msg().getServerMsgID().equals(ack.getServerMsgID())));
      Push push = seen.stream().filter(p -> p.msg().getServerMsgID().equals(ack.getServerMsgID())).findFirst().get();
      assertThat(push.msg().getSeq()).isZero();
      assertThat(push.userIDs()).containsExactly(b);
      assertThat(seqs.conversation(ConversationIds.single(a, b)).block().maxSeq()).isZero();
    } finally {
      watch.dispose();
    }
  }

  @Test
  void aUserNotificationReachesTheUserOnlineOnlyInItsNotificationConversation() {
    String a = ApiClient.uniqueId("pn");
    api.register(a);
    String token = api.userToken(a, 2);
    List<Push> seen = new CopyOnWriteArrayList<>();
    Disposable watch = pushRouter.pushes().subscribe(seen::add);
    try {
      api.ok("/user/update_user_info_ex", token, Map.of("userInfo", Map.of("userID", a, "nickname", "New")));

      org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
          seen.stream().anyMatch(p -> p.msg().getContentType() == 1303 && p.msg().getRecvID().equals(a)));
      Push push = seen.stream().filter(p -> p.msg().getContentType() == 1303 && p.msg().getRecvID().equals(a))
          .findFirst().get();
      assertThat(push.conversationID()).isEqualTo(ConversationIds.self(a));
      assertThat(push.notification()).isTrue();
      assertThat(push.msg().getSeq()).isZero();
      assertThat(push.msg().getMsgFrom()).isEqualTo(200);
      assertThat(push.msg().getContent().toStringUtf8()).isEqualTo("{\"detail\":\"{\\\"userID\\\":\\\"" + a + "\\\"}\"}");
      assertThat(push.userIDs()).containsExactly(a);
    } finally {
      watch.dispose();
    }
  }

  @Test
  void theSendPathRefusesWhatTheSpecRefuses() {
    String a = ApiClient.uniqueId("px");
    String b = ApiClient.uniqueId("px");
    api.register(a, b);

    assertError(() -> sender.send(as(b), text(a, b, "not me")).block(), 1002);
    assertError(() -> sender.send(as(a), text(a, "nobody_registered_here", "x")).block(), 1003);
    assertError(() -> sender.send(as(a), text(a, b, "x").toBuilder().setContent(ByteString.EMPTY).build()).block(), 1001);
    assertError(() -> sender.send(as(a), text(a, b, "x").toBuilder().setSessionType(4).build()).block(), 1001);
    assertError(() -> sender.send(as(a), text(a, b, "x").toBuilder().setSessionType(9).build()).block(), 1001);
    assertError(() -> sender.send(as(a), text(a, b, "x").toBuilder().setSessionType(3).setGroupID("no_group").build())
        .block(), 1004);
  }

  @Test
  void aBlockedSenderAndAReceiverWhoReceivesNothingAreRefused() {
    String a = ApiClient.uniqueId("pb");
    String b = ApiClient.uniqueId("pb");
    String c = ApiClient.uniqueId("pb");
    api.register(a, b, c);
    // The friends feature's data, written as it will write it (MongoFriendRelations' schema).
    reactor.core.publisher.Mono.from(database.getCollection("black")
        .insertOne(new org.bson.Document("_id", b + ":" + a))).block();
    api.ok("/user/set_global_msg_recv_opt", api.adminToken(), Map.of("userID", c, "globalRecvMsgOpt", 1));

    assertError(() -> sender.send(as(a), text(a, b, "blocked")).block(), 1302);
    assertThat(sender.send(as(b), text(b, a, "the other way works")).block()).isNotNull();
    assertError(() -> sender.send(as(a), text(a, c, "refused")).block(), 1001);
  }

  private static void assertError(Runnable call, int documentCode) {
    try {
      call.run();
      throw new AssertionError("expected error " + documentCode);
    } catch (io.imflux.api.ImError e) {
      assertThat(io.imflux.api.Dialect.DOCUMENT.errCode(e.kind())).isEqualTo(documentCode);
    }
  }
}
