package io.imflux.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.imflux.cluster.MessageStore.Revocation;
import io.imflux.cluster.MessageStore.SearchQuery;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.cluster.SeqAllocator.UserSeq;
import io.imflux.proto.sdkws.MsgData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every {@link MessageStore} adapter does (ARCHITECTURE §1; spec/pipeline.md §7-§9, spec/api-msg.md §6, §9).
 * Each test starts on an empty store; subclasses say how to open, close and reopen one on the same data.
 */
abstract class MessageStoreContract {

  static final String SINGLE = "si_alice_bob";
  static final String GROUP = "sg_team";
  static final String NOTIFICATION = "n_alice_bob";
  static final String NOTIFICATION_CHAT = "sn_alice_bob";

  MessageStore store;

  /** A new store on this test's data. */
  abstract MessageStore open();

  /** Releases the store (and whatever it runs on), keeping its data for the next {@link #open()}. */
  abstract void close(MessageStore store);

  /** The per-user seqs kept beside this store's messages. */
  abstract UserSeqStore userSeqs();

  @BeforeEach
  void openStore() {
    store = open();
  }

  @AfterEach
  void closeStore() {
    close(store);
  }

  void reopen() {
    close(store);
    store = open();
  }

  // ---- fixtures ----

  static MsgData single(long seq, String sendID, String recvID, long sendTime) {
    return message(seq, sendID, recvID, "", 1, 101, sendTime);
  }

  static MsgData inGroup(long seq, String sendID, long sendTime) {
    return message(seq, sendID, "", "team", 3, 101, sendTime);
  }

  static MsgData message(long seq, String sendID, String recvID, String groupID, int sessionType, int contentType,
      long sendTime) {
    return MsgData.newBuilder()
        .setSeq(seq)
        .setSendID(sendID)
        .setRecvID(recvID)
        .setGroupID(groupID)
        .setSessionType(sessionType)
        .setContentType(contentType)
        .setSendTime(sendTime)
        .setCreateTime(sendTime - 1)
        .setServerMsgID("server-" + sendID + "-" + seq + "-" + sendTime)
        .setClientMsgID("client-" + seq)
        .setStatus(2)
        .setContent(ByteString.copyFromUtf8("{\"content\":\"hello " + seq + "\"}"))
        .putOptions("history", true)
        .addAtUserIDList("carol")
        .build();
  }

  /** Seqs 1..n of the single chat, alice and bob taking turns, sent at 1000 + seq. */
  List<MsgData> appendSingle(int n) {
    List<MsgData> messages = LongStream.rangeClosed(1, n)
        .mapToObj(seq -> single(seq, seq % 2 == 1 ? "alice" : "bob", seq % 2 == 1 ? "bob" : "alice", 1000 + seq))
        .toList();
    store.append(SINGLE, messages);
    return messages;
  }

  StepVerifier.Step<Long> seqsOf(Flux<StoredMessage> slots) {
    return StepVerifier.create(slots.map(StoredMessage::seq));
  }

  static SearchQuery anything() {
    return new SearchQuery("", "", 0, 0, 0, 0);
  }

  // ---- append and the write side ----

  @Test
  void appendedMessagesAreFoundBySeqAscendingAndMissingSeqsAreAbsent() {
    List<MsgData> appended = appendSingle(5);

    StepVerifier.create(store.find(SINGLE, List.of(4L, 9L, 2L, 1L, 0L)))
        .assertNext(slot -> assertThat(slot).isEqualTo(new StoredMessage(appended.get(0), null, Set.of(), false)))
        .assertNext(slot -> assertThat(slot.msg()).isEqualTo(appended.get(1)))
        .assertNext(slot -> assertThat(slot.msg()).isEqualTo(appended.get(3)))
        .verifyComplete();
    StepVerifier.create(store.find(GROUP, List.of(1L, 2L))).verifyComplete();
    StepVerifier.create(store.find(SINGLE, List.of())).verifyComplete();
  }

  @Test
  void findReturnsEachListedSeqOnceWhetherClusteredOrFarApart() {
    appendSingle(300);

    seqsOf(store.find(SINGLE, List.of(300L, 1L, 152L, 150L, 151L, 150L, 299L, 1000L, 80L)))
        .expectNext(1L, 80L, 150L, 151L, 152L, 299L, 300L)
        .verifyComplete();
  }

  @Test
  void appendStoresAllOrNothingWhenASeqIsAlreadyStored() {
    appendSingle(2);

    assertThatThrownBy(() -> store.append(SINGLE, List.of(single(3, "alice", "bob", 1003),
        single(2, "alice", "bob", 1004)))).isInstanceOf(RuntimeException.class);

    seqsOf(store.find(SINGLE, List.of(1L, 2L, 3L))).expectNext(1L, 2L).verifyComplete();
    StepVerifier.create(store.find(SINGLE, List.of(2L)))
        .assertNext(slot -> assertThat(slot.msg().getSendTime()).isEqualTo(1002))
        .verifyComplete();
    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(2);
  }

  @Test
  void appendAllStoresSeveralConversationsInOneCallAndSurvivesAReopen() {
    Map<String, List<MsgData>> batch = new LinkedHashMap<>();
    batch.put(SINGLE, List.of(single(1, "alice", "bob", 1001), single(2, "bob", "alice", 1002)));
    batch.put(GROUP, List.of(inGroup(1, "alice", 1003)));
    batch.put("si_x_y", List.of());

    store.appendAll(batch);
    reopen();

    seqsOf(store.find(SINGLE, List.of(1L, 2L))).expectNext(1L, 2L).verifyComplete();
    StepVerifier.create(store.find(GROUP, List.of(1L)))
        .assertNext(slot -> assertThat(slot.msg()).isEqualTo(batch.get(GROUP).get(0)))
        .verifyComplete();
    assertThat(store.maxStoredSeq("si_x_y")).isZero();
  }

  @Test
  void appendAllStoresNothingOfAnyConversationWhenOneSeqIsAlreadyStored() {
    appendSingle(2);
    Map<String, List<MsgData>> batch = new LinkedHashMap<>();
    batch.put(GROUP, List.of(inGroup(1, "alice", 1003), inGroup(2, "bob", 1004)));
    batch.put(SINGLE, List.of(single(3, "alice", "bob", 1005), single(2, "alice", "bob", 1006)));

    assertThatThrownBy(() -> store.appendAll(batch)).isInstanceOf(RuntimeException.class);

    StepVerifier.create(store.find(GROUP, List.of(1L, 2L))).verifyComplete();
    seqsOf(store.find(SINGLE, List.of(1L, 2L, 3L))).expectNext(1L, 2L).verifyComplete();
    assertThat(store.maxStoredSeq(GROUP)).isZero();
  }

  @Test
  void maxStoredSeqIsTheHighestSeqOfItsConversationAndZeroForNone() {
    assertThat(store.maxStoredSeq(SINGLE)).isZero();
    appendSingle(3);
    store.append(SINGLE, List.of(single(4, "bob", "alice", 1004), single(5, "alice", "bob", 1005)));
    store.append(GROUP, List.of(inGroup(1, "alice", 2000)));

    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(5);
    assertThat(store.maxStoredSeq(GROUP)).isEqualTo(1);
    assertThat(store.maxStoredSeq("si_other_pair")).isZero();
  }

  @Test
  void seqOfServerMsgIDFindsTheSeqWithinItsConversationOnly() {
    List<MsgData> appended = appendSingle(3);
    String serverMsgID = appended.get(1).getServerMsgID();

    assertThat(store.seqOfServerMsgID(SINGLE, serverMsgID)).isEqualTo(2);
    assertThat(store.seqOfServerMsgID(GROUP, serverMsgID)).isZero();
    assertThat(store.seqOfServerMsgID(SINGLE, "unknown")).isZero();
  }

  // ---- reading ----

  @Test
  void findLatestReturnsTheHighestStoredSeqAtOrBelowTheBound() {
    appendSingle(3);
    store.append(SINGLE, List.of(single(6, "alice", "bob", 1006)));

    seqsOf(store.findLatest(SINGLE, 5).flux()).expectNext(3L).verifyComplete();
    seqsOf(store.findLatest(SINGLE, 6).flux()).expectNext(6L).verifyComplete();
    seqsOf(store.findLatest(SINGLE, Long.MAX_VALUE).flux()).expectNext(6L).verifyComplete();
    StepVerifier.create(store.findLatest(SINGLE, 0)).verifyComplete();
    StepVerifier.create(store.findLatest(GROUP, 10)).verifyComplete();
  }

  @Test
  void findLatestSkipsErasedMessages() {
    appendSingle(4);
    StepVerifier.create(store.erase(SINGLE, List.of(3L, 4L))).verifyComplete();

    seqsOf(store.findLatest(SINGLE, 4).flux()).expectNext(2L).verifyComplete();
    StepVerifier.create(store.erase(SINGLE, List.of(1L, 2L))).verifyComplete();
    StepVerifier.create(store.findLatest(SINGLE, 4)).verifyComplete();
  }

  // ---- per-slot state ----

  @Test
  void markDeletedAddsTheUserOnceToEachListedMessage() {
    appendSingle(3);

    StepVerifier.create(store.markDeleted(SINGLE, "alice", List.of(1L, 2L, 7L))).verifyComplete();
    StepVerifier.create(store.markDeleted(SINGLE, "alice", List.of(2L))).verifyComplete();
    StepVerifier.create(store.markDeleted(SINGLE, "bob", List.of(2L))).verifyComplete();

    StepVerifier.create(store.find(SINGLE, List.of(1L, 2L, 3L, 7L)))
        .assertNext(slot -> assertThat(slot.deletedBy()).containsExactly("alice"))
        .assertNext(slot -> assertThat(slot.deletedBy()).containsExactlyInAnyOrder("alice", "bob"))
        .assertNext(slot -> assertThat(slot.deletedBy()).isEmpty())
        .verifyComplete();
  }

  @Test
  void erasedMessagesAreGoneForEveryReadAndChange() {
    List<MsgData> appended = appendSingle(3);
    StepVerifier.create(store.erase(SINGLE, List.of(2L, 9L))).verifyComplete();

    seqsOf(store.find(SINGLE, List.of(1L, 2L, 3L))).expectNext(1L, 3L).verifyComplete();
    assertThat(store.seqOfServerMsgID(SINGLE, appended.get(1).getServerMsgID())).isZero();
    StepVerifier.create(store.revoke(SINGLE, 2, new Revocation(0, "alice", "Alice", 5000))).expectNext(false)
        .verifyComplete();
    StepVerifier.create(store.markDeleted(SINGLE, "alice", List.of(2L))
            .then(store.markRead(SINGLE, "bob", List.of(2L)))
            .thenMany(store.find(SINGLE, List.of(2L))))
        .verifyComplete();
    seqsOf(store.search(anything(), 0, 10)).expectNext(1L, 3L).verifyComplete();
    StepVerifier.create(store.count(anything())).expectNext(2L).verifyComplete();
  }

  @Test
  void erasingTheHighestSeqNeverLowersMaxStoredSeq() {
    appendSingle(3);
    StepVerifier.create(store.erase(SINGLE, List.of(1L, 2L, 3L))).verifyComplete();

    StepVerifier.create(store.find(SINGLE, List.of(1L, 2L, 3L))).verifyComplete();
    StepVerifier.create(store.findLatest(SINGLE, 3)).verifyComplete();
    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(3);
    StepVerifier.create(store.count(anything())).expectNext(0L).verifyComplete();

    store.append(SINGLE, List.of(single(4, "alice", "bob", 1004)));
    StepVerifier.create(store.erase(SINGLE, List.of(3L))).verifyComplete();
    seqsOf(store.findLatest(SINGLE, 10).flux()).expectNext(4L).verifyComplete();
    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(4);
  }

  @Test
  void revokeRecordsTheRevocationAndIsFalseWithoutAMessage() {
    appendSingle(2);
    Revocation revocation = new Revocation(100, "alice", "Alice", 1_700_000_000_000L);

    StepVerifier.create(store.revoke(SINGLE, 1, revocation)).expectNext(true).verifyComplete();
    StepVerifier.create(store.revoke(SINGLE, 5, revocation)).expectNext(false).verifyComplete();
    StepVerifier.create(store.revoke(GROUP, 1, revocation)).expectNext(false).verifyComplete();

    StepVerifier.create(store.find(SINGLE, List.of(1L, 2L)))
        .assertNext(slot -> assertThat(slot.revocation()).isEqualTo(revocation))
        .assertNext(slot -> assertThat(slot.revocation()).isNull())
        .verifyComplete();
  }

  @Test
  void markReadFlagsOnlyMessagesTheReaderDidNotSend() {
    appendSingle(4); // alice sends 1 and 3, bob 2 and 4

    StepVerifier.create(store.markRead(SINGLE, "bob", List.of(1L, 2L, 3L))).verifyComplete();

    StepVerifier.create(store.find(SINGLE, List.of(1L, 2L, 3L, 4L)).map(StoredMessage::isRead))
        .expectNext(true, false, true, false)
        .verifyComplete();
  }

  // ---- search ----

  /** Chat messages in three conversations, and notification-conversation messages that search never sees. */
  void appendSearchable() {
    store.append(SINGLE, List.of(
        message(1, "alice", "bob", "", 1, 101, 5000),
        message(2, "bob", "alice", "", 1, 102, 6000),
        message(3, "alice", "bob", "", 1, 101, 9000)));
    store.append(GROUP, List.of(
        message(1, "bob", "", "team", 3, 101, 5500),
        message(2, "alice", "", "team", 3, 102, 7000),
        message(3, "carol", "", "team", 3, 101, 7000)));
    store.append("si_bob_carol", List.of(message(1, "carol", "bob", "", 1, 101, 7000)));
    store.append(NOTIFICATION, List.of(message(1, "alice", "bob", "", 1, 101, 5100)));
    store.append(NOTIFICATION_CHAT, List.of(message(1, "alice", "bob", "", 4, 101, 5200)));
    store.append("n_team", List.of(message(1, "alice", "", "team", 3, 101, 5300)));
  }

  static List<String> keys(Flux<StoredMessage> slots) {
    return slots.map(MessageStoreContract::key).collectList().block();
  }

  static String key(StoredMessage slot) {
    return slot.msg().getSendID() + "@" + slot.msg().getSendTime();
  }

  void assertSearch(SearchQuery query, String... expected) {
    StepVerifier.create(store.search(query, 0, 100).map(MessageStoreContract::key)).expectNext(expected)
        .verifyComplete();
    StepVerifier.create(store.count(query)).expectNext((long) expected.length).verifyComplete();
  }

  @Test
  void searchReturnsChatConversationsOnlyOldestFirst() {
    appendSearchable();

    // Equal send times: by conversation ID, then seq.
    assertSearch(anything(),
        "alice@5000", "bob@5500", "bob@6000", "alice@7000", "carol@7000", "carol@7000", "alice@9000");
  }

  @Test
  void searchFiltersBySender() {
    appendSearchable();

    assertSearch(new SearchQuery("alice", "", 0, 0, 0, 0), "alice@5000", "alice@7000", "alice@9000");
  }

  @Test
  void searchMatchesTheReceiverOrTheGroup() {
    appendSearchable();

    assertSearch(new SearchQuery("", "bob", 0, 0, 0, 0), "alice@5000", "carol@7000", "alice@9000");
    assertSearch(new SearchQuery("", "team", 0, 0, 0, 0), "bob@5500", "alice@7000", "carol@7000");
    assertSearch(new SearchQuery("", "nobody", 0, 0, 0, 0));
  }

  @Test
  void searchFiltersByContentTypeAndSessionType() {
    appendSearchable();

    assertSearch(new SearchQuery("", "", 102, 0, 0, 0), "bob@6000", "alice@7000");
    assertSearch(new SearchQuery("", "", 0, 3, 0, 0), "bob@5500", "alice@7000", "carol@7000");
    assertSearch(new SearchQuery("alice", "", 101, 1, 0, 0), "alice@5000", "alice@9000");
  }

  @Test
  void searchFiltersBySendTimeFromInclusiveToExclusive() {
    appendSearchable();

    assertSearch(new SearchQuery("", "", 0, 0, 5500, 7000), "bob@5500", "bob@6000");
    assertSearch(new SearchQuery("", "", 0, 0, 7000, 0), "alice@7000", "carol@7000", "carol@7000", "alice@9000");
    assertSearch(new SearchQuery("", "", 0, 0, 0, 5500), "alice@5000");
  }

  @Test
  void searchPagesBySkipAndLimitWhileCountCountsAll() {
    appendSearchable();

    assertThat(keys(store.search(anything(), 0, 3))).containsExactly("alice@5000", "bob@5500", "bob@6000");
    assertThat(keys(store.search(anything(), 3, 3))).containsExactly("alice@7000", "carol@7000", "carol@7000");
    assertThat(keys(store.search(anything(), 6, 3))).containsExactly("alice@9000");
    StepVerifier.create(store.search(anything(), 7, 3)).verifyComplete();
    StepVerifier.create(store.search(anything(), 0, 0)).verifyComplete();
    StepVerifier.create(store.count(anything())).expectNext(7L).verifyComplete();
  }

  @Test
  void searchReturnsTheSlotState() {
    appendSearchable();
    Revocation revocation = new Revocation(100, "bob", "Bob", 8000);
    StepVerifier.create(store.revoke(GROUP, 2, revocation)).expectNext(true).verifyComplete();

    StepVerifier.create(store.search(new SearchQuery("alice", "team", 0, 0, 0, 0), 0, 10))
        .assertNext(slot -> {
          assertThat(slot.seq()).isEqualTo(2);
          assertThat(slot.revocation()).isEqualTo(revocation);
        })
        .verifyComplete();
  }

  // ---- clean-up by age ----

  @Test
  void eraseSentBeforeReturnsTheHighestErasedSeqPerConversation() {
    appendSearchable();

    StepVerifier.create(store.eraseSentBefore(List.of(), 7000))
        .expectNext(Map.of(SINGLE, 2L, GROUP, 1L, NOTIFICATION, 1L, NOTIFICATION_CHAT, 1L, "n_team", 1L))
        .verifyComplete();

    seqsOf(store.find(SINGLE, List.of(1L, 2L, 3L))).expectNext(3L).verifyComplete();
    seqsOf(store.find(GROUP, List.of(1L, 2L, 3L))).expectNext(2L, 3L).verifyComplete();
    StepVerifier.create(store.find(NOTIFICATION, List.of(1L))).verifyComplete();
    seqsOf(store.find("si_bob_carol", List.of(1L))).expectNext(1L).verifyComplete();
    assertThat(store.maxStoredSeq(NOTIFICATION)).isEqualTo(1);
    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(3);
  }

  @Test
  void eraseSentBeforeTouchesOnlyTheListedConversations() {
    appendSearchable();

    StepVerifier.create(store.eraseSentBefore(List.of(GROUP, "si_nobody"), 10_000))
        .expectNext(Map.of(GROUP, 3L))
        .verifyComplete();

    StepVerifier.create(store.find(GROUP, List.of(1L, 2L, 3L))).verifyComplete();
    seqsOf(store.find(SINGLE, List.of(1L, 2L, 3L))).expectNext(1L, 2L, 3L).verifyComplete();
    assertThat(store.maxStoredSeq(GROUP)).isEqualTo(3);
  }

  @Test
  void eraseSentBeforeReportsNothingWhenNothingIsOldEnough() {
    appendSearchable();

    StepVerifier.create(store.eraseSentBefore(List.of(), 5000)).expectNext(Map.of()).verifyComplete();
    StepVerifier.create(store.eraseSentBefore(List.of(), 10_000)).expectNextCount(1).verifyComplete();
    StepVerifier.create(store.eraseSentBefore(List.of(), 10_000)).expectNext(Map.of()).verifyComplete();
    StepVerifier.create(store.count(anything())).expectNext(0L).verifyComplete();
  }

  @Test
  void erasedHighestSlotIsCleanedUpOnceNewerMessagesFollow() {
    appendSingle(2);
    StepVerifier.create(store.erase(SINGLE, List.of(2L))).verifyComplete();
    store.append(SINGLE, List.of(single(3, "alice", "bob", 5000)));

    StepVerifier.create(store.eraseSentBefore(List.of(SINGLE), 2000)).expectNext(Map.of(SINGLE, 1L))
        .verifyComplete();

    seqsOf(store.find(SINGLE, List.of(1L, 2L, 3L))).expectNext(3L).verifyComplete();
    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(3);
  }

  // ---- durability and threads ----

  @Test
  void everythingSurvivesReopeningTheStore() {
    List<MsgData> appended = appendSingle(4);
    Revocation revocation = new Revocation(1, "alice", "Alice", 9999);
    StepVerifier.create(store.revoke(SINGLE, 1, revocation)
            .then(store.markDeleted(SINGLE, "bob", List.of(2L)))
            .then(store.markRead(SINGLE, "bob", List.of(3L)))
            .then(store.erase(SINGLE, List.of(4L))))
        .verifyComplete();

    reopen();

    StepVerifier.create(store.find(SINGLE, List.of(1L, 2L, 3L, 4L)))
        .expectNext(new StoredMessage(appended.get(0), revocation, Set.of(), false))
        .expectNext(new StoredMessage(appended.get(1), null, Set.of("bob"), false))
        .expectNext(new StoredMessage(appended.get(2), null, Set.of(), true))
        .verifyComplete();
    assertThat(store.maxStoredSeq(SINGLE)).isEqualTo(4);
    assertThat(store.seqOfServerMsgID(SINGLE, appended.get(2).getServerMsgID())).isEqualTo(3);
    store.append(SINGLE, List.of(single(5, "bob", "alice", 1005)));
    seqsOf(store.findLatest(SINGLE, 5).flux()).expectNext(5L).verifyComplete();
  }

  @Test
  void reactiveMethodsNeverBlockANonBlockingCaller() {
    appendSingle(3);
    List<Publisher<?>> calls = List.of(
        store.find(SINGLE, List.of(1L, 2L)),
        store.findLatest(SINGLE, 3),
        store.markDeleted(SINGLE, "alice", List.of(1L)),
        store.markRead(SINGLE, "bob", List.of(1L)),
        store.revoke(SINGLE, 2, new Revocation(0, "bob", "Bob", 1)),
        store.erase(SINGLE, List.of(3L)),
        store.search(anything(), 0, 10),
        store.count(anything()),
        store.eraseSentBefore(List.of(), 0));

    // Each subscribed from one of Reactor's parallel threads, where BlockHound rejects any blocking call.
    for (Publisher<?> call : calls) {
      StepVerifier.create(Flux.from(call).subscribeOn(Schedulers.parallel())).thenConsumeWhile(x -> true)
          .verifyComplete();
    }
  }

  // ---- per-user seqs beside the messages ----

  @Test
  void userSeqsAreEmptyUntilSaved() {
    StepVerifier.create(userSeqs().load("alice", SINGLE)).verifyComplete();
  }

  @Test
  void savedUserSeqsAreReplacedPerUserAndConversationAndSurviveReopening() {
    List<UserSeqStore.Entry> first = List.of(
        new UserSeqStore.Entry("alice", SINGLE, new UserSeq(0, 0, 3)),
        new UserSeqStore.Entry("bob", SINGLE, new UserSeq(2, 9, 1)),
        new UserSeqStore.Entry("alice", GROUP, new UserSeq(0, 0, 7)));
    StepVerifier.create(userSeqs().saveAll(first)).verifyComplete();
    StepVerifier.create(userSeqs().saveAll(List.of(new UserSeqStore.Entry("alice", SINGLE, new UserSeq(1, 0, 5)))))
        .verifyComplete();

    reopen();

    StepVerifier.create(userSeqs().load("alice", SINGLE)).expectNext(new UserSeq(1, 0, 5)).verifyComplete();
    StepVerifier.create(userSeqs().load("bob", SINGLE)).expectNext(new UserSeq(2, 9, 1)).verifyComplete();
    StepVerifier.create(userSeqs().load("alice", GROUP)).expectNext(new UserSeq(0, 0, 7)).verifyComplete();
    StepVerifier.create(userSeqs().load("bob", GROUP)).verifyComplete();
  }

  @Test
  void userSeqsNeverBlockANonBlockingCaller() {
    List<Publisher<?>> calls = List.of(
        userSeqs().saveAll(List.of(new UserSeqStore.Entry("alice", SINGLE, new UserSeq(0, 0, 1)))),
        userSeqs().load("alice", SINGLE));
    for (Publisher<?> call : calls) {
      StepVerifier.create(Flux.from(call).subscribeOn(Schedulers.parallel())).thenConsumeWhile(x -> true)
          .verifyComplete();
    }
  }
}
