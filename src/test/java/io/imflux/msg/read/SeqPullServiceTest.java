package io.imflux.msg.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.api.json.Decoded;
import io.imflux.cluster.h2.H2MessageStore;
import io.imflux.cluster.memory.MemorySeqAllocator;
import io.imflux.cluster.memory.UserSeqTable;
import io.imflux.conversation.ConversationStore;
import io.imflux.conversation.Conversations;
import io.imflux.conversation.DeletedConversations;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMessageBySeqsReq;
import io.imflux.proto.sdkws.PullMsgs;
import io.imflux.proto.sdkws.SeqRange;
import io.imflux.sync.VersionLogs;
import io.imflux.testing.ApiClient;
import io.imflux.testing.EmbeddedStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/**
 * {@link SeqPullService} over the real stores without Spring: how the visible window (conversation min seq, the user's
 * min and max seqs) bounds a range pull, which conversations are read at all, and the newest seqs.
 */
class SeqPullServiceTest {

  @RegisterExtension
  static final EmbeddedStore STORE = new EmbeddedStore();
  @TempDir
  static Path messageFiles;

  static final Duration TIMEOUT = Duration.ofSeconds(10);

  static H2MessageStore messages;
  static UserSeqTable userSeqs;
  static MemorySeqAllocator seqs;
  static ConversationStore conversations;
  static Conversations records;
  static SeqPullService service;

  String alice;
  String bob;
  String chat;

  @BeforeAll
  static void stores() {
    messages = H2MessageStore.open(messageFiles);
    userSeqs = new UserSeqTable(messages.userSeqs());
    seqs = new MemorySeqAllocator(STORE.database(), messages, userSeqs, Clock.systemUTC());
    conversations = new ConversationStore(STORE.database());
    records = new Conversations(conversations, new DeletedConversations(STORE.database()),
        new VersionLogs(STORE.database(), Clock.systemUTC()), Clock.systemUTC());
    service = new SeqPullService(conversations, seqs, new MessageReader(seqs, messages), new QuoteRewriter(messages),
        Dialect.DOCUMENT);
  }

  @AfterAll
  static void close() {
    userSeqs.destroy();
    messages.close();
  }

  @BeforeEach
  void twoUsers() {
    alice = ApiClient.uniqueId("a");
    bob = ApiClient.uniqueId("b");
    chat = ConversationIds.single(alice, bob);
  }

  /** Stores {@code count} numbered messages, as the sequencer does. */
  static void store(String conversationID, String from, String to, int count) {
    long last = seqs.allocate(conversationID, count);
    List<MsgData> numbered = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      numbered.add(MsgData.newBuilder().setSendID(from).setRecvID(to).setSessionType(ConversationIds.SINGLE_CHAT)
          .setContentType(ReadFixture.TEXT).setContent(ByteString.copyFromUtf8("{\"content\":\"m\"}"))
          .setSeq(last + i).setStatus(2).setSendTime(1_000L * (last + i)).build());
    }
    messages.append(conversationID, numbered);
  }

  static void record(String owner, String conversationID, String peer) {
    records.create(List.of(Conversations.blank(owner, conversationID, ConversationIds.SINGLE_CHAT, peer, "").build()))
        .block(TIMEOUT);
  }

  static <T extends Message> ApiRequest<T> as(String userID, T body) {
    return new ApiRequest<>(new Decoded<>(body, Set.of()), new Operator(userID, Platform.ANDROID, false));
  }

  static PullMessageBySeqsReq pull(String userID, String conversationID, long begin, long end, long num, int order) {
    return PullMessageBySeqsReq.newBuilder().setUserID(userID).setOrderValue(order)
        .addSeqRanges(SeqRange.newBuilder().setConversationID(conversationID).setBegin(begin).setEnd(end).setNum(num))
        .build();
  }

  static List<Long> seqsOf(PullMsgs pulled) {
    return pulled.getMsgsList().stream().map(MsgData::getSeq).toList();
  }

  @Test
  void theConversationMinSeqHidesEverythingBelowIt() {
    record(alice, chat, bob);
    store(chat, bob, alice, 6);
    seqs.raiseMinSeq(chat, 3).block(TIMEOUT);

    StepVerifier.create(service.pull(as(alice, pull(alice, chat, 1, 6, 10, RangePlan.ORDER_DESC))))
        .assertNext(resp -> {
          assertThat(seqsOf(resp.getMsgsOrThrow(chat))).containsExactly(3L, 4L, 5L, 6L);
          assertThat(resp.getMsgsOrThrow(chat).getIsEnd()).isTrue();
        })
        .verifyComplete();
    StepVerifier.create(service.pull(as(alice, pull(alice, chat, 4, 6, 10, RangePlan.ORDER_DESC))))
        .assertNext(resp -> assertThat(resp.getMsgsOrThrow(chat).getIsEnd()).isFalse())
        .verifyComplete();
  }

  @Test
  void theUsersOwnMinAndMaxSeqNarrowTheWindow() {
    record(alice, chat, bob);
    store(chat, bob, alice, 6);
    seqs.setUserMinSeq(alice, chat, 2).block(TIMEOUT);
    seqs.setUserMaxSeq(alice, chat, 4).block(TIMEOUT);

    StepVerifier.create(service.pull(as(alice, pull(alice, chat, 1, 6, 10, RangePlan.ORDER_ASC))))
        .assertNext(resp -> {
          assertThat(seqsOf(resp.getMsgsOrThrow(chat))).containsExactly(2L, 3L, 4L);
          assertThat(resp.getMsgsOrThrow(chat).getIsEnd()).isTrue();
        })
        .verifyComplete();
    StepVerifier.create(service.pull(as(alice, pull(alice, chat, 1, 3, 10, RangePlan.ORDER_ASC))))
        .assertNext(resp -> {
          assertThat(seqsOf(resp.getMsgsOrThrow(chat))).containsExactly(2L, 3L);
          assertThat(resp.getMsgsOrThrow(chat).getIsEnd()).isFalse();
        })
        .verifyComplete();
  }

  @Test
  void aRangeEntirelyOutsideTheWindowLeavesTheConversationOut() {
    record(alice, chat, bob);
    store(chat, bob, alice, 6);
    seqs.setUserMinSeq(alice, chat, 5).block(TIMEOUT);

    StepVerifier.create(service.pull(as(alice, pull(alice, chat, 1, 4, 10, RangePlan.ORDER_ASC))))
        .assertNext(resp -> assertThat(resp.getMsgsMap()).isEmpty())
        .verifyComplete();
  }

  @Test
  void aChatNeedsTheUsersRecordButANotificationConversationDoesNot() {
    store(chat, bob, alice, 2);
    String twin = ConversationIds.notificationTwin(chat);
    store(twin, bob, alice, 3);

    StepVerifier.create(service.pull(as(alice, pull(alice, chat, 1, 2, 10, RangePlan.ORDER_ASC))))
        .assertNext(resp -> assertThat(resp.getMsgsMap()).isEmpty())
        .verifyComplete();
    StepVerifier.create(service.pull(as(alice, pull(alice, twin, 1, 3, 1, RangePlan.ORDER_ASC))))
        .assertNext(resp -> {
          assertThat(resp.getMsgsMap()).isEmpty();
          assertThat(seqsOf(resp.getNotificationMsgsOrThrow(twin))).containsExactly(1L, 2L, 3L);
        })
        .verifyComplete();
  }

  @Test
  void onlyTheUserOrAnAdminMayPull() {
    StepVerifier.create(service.pull(as(bob, pull(alice, chat, 1, 2, 10, RangePlan.ORDER_ASC))))
        .expectErrorMatches(e -> e instanceof ImError error && error.kind() == ErrorKind.NO_PERMISSION)
        .verify(TIMEOUT);
  }

  @Test
  void newestSeqsCoverTheChatsTheirTwinsAndTheSelfConversationWithoutZeros() {
    record(alice, chat, bob);
    store(chat, bob, alice, 4);
    store(ConversationIds.self(alice), alice, alice, 2);

    StepVerifier.create(service.newestSeqs(as(alice, GetMaxSeqReq.newBuilder().setUserID(alice).build())))
        .assertNext(resp -> assertThat(resp.getMaxSeqsMap())
            .isEqualTo(Map.of(chat, 4L, ConversationIds.self(alice), 2L)))
        .verifyComplete();
    StepVerifier.create(service.newestSeqs(as(bob, GetMaxSeqReq.newBuilder().setUserID(bob).build())))
        .assertNext(resp -> assertThat(resp.getMaxSeqsMap()).isEmpty())
        .verifyComplete();
  }
}
