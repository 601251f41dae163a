package io.imflux.msg.read;

import static io.imflux.msg.read.ReadFixture.HAS_READ_AND_MAX_SEQ;
import static io.imflux.msg.read.ReadFixture.HAS_READ_RECEIPT;
import static io.imflux.msg.read.ReadFixture.MARK_CONVERSATION;
import static io.imflux.msg.read.ReadFixture.MARK_MSGS;
import static io.imflux.msg.read.ReadFixture.SET_HAS_READ_SEQ;
import static io.imflux.msg.read.ReadFixture.WAIT;
import static io.imflux.msg.read.ReadFixture.assertFails;
import static io.imflux.msg.read.ReadFixture.bySeq;
import static io.imflux.msg.read.ReadFixture.pulled;
import static io.imflux.msg.read.ReadFixture.tips;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.PushRouter.Push;
import io.imflux.cluster.memory.LocalPushRouter;
import io.imflux.group.GroupDirectory;
import io.imflux.group.MongoGroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.HandWrittenGroups;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The routes that move a read position (spec/api-msg.md §8.1-§8.3) over HTTP: read flags seen in later pulls, the
 * read seq, and the HasReadReceipt each sends, observed where the pipeline pushes it.
 */
@ImfluxTest
class MarkReadRoutesTest extends ChatRoutesTest {

  static final String EMPTY_SUCCESS = "{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}";

  @Autowired
  LocalPushRouter pushRouter;
  @Autowired
  MongoDatabase database;
  @Autowired
  MongoGroupDirectory directory;

  /** The next pushed HasReadReceipt that {@code which} accepts; subscribe before acting. */
  CompletableFuture<Push> nextReceipt(Predicate<Push> which) {
    return pushRouter.pushes()
        .filter(push -> push.msg().getContentType() == HAS_READ_RECEIPT && which.test(push))
        .next()
        .timeout(WAIT)
        .toFuture();
  }

  static Push received(CompletableFuture<Push> receipt) throws Exception {
    return receipt.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  long readSeq(String userID, String conversation) {
    return chat.api.ok(HAS_READ_AND_MAX_SEQ, chat.token(userID),
            Map.of("userID", userID, "conversationIDs", List.of(conversation)))
        .get("seqs").get(conversation).get("hasReadSeq").asLong();
  }

  @Test
  void markingMessagesSetsTheirReadFlagsForThePeerAndTellsThePeer() throws Exception {
    chat.texts(alice, bob, 3);
    CompletableFuture<Push> receipt = nextReceipt(push -> push.msg().getSendID().equals(bob));

    var result = chat.api.post(MARK_MSGS, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "seqs", List.of(1, 2)));

    assertThat(result.text()).isEqualTo(EMPTY_SUCCESS);
    Push push = received(receipt);
    assertThat(push.conversationID()).isEqualTo(ConversationIds.notificationTwin(conversationID));
    assertThat(push.msg().getSeq()).as("stored for the peer").isPositive();
    assertThat(push.msg().getRecvID()).isEqualTo(alice);
    assertThat(push.msg().getSessionType()).isEqualTo(ConversationIds.SINGLE_CHAT);
    assertThat(push.userIDs()).contains(alice);
    JsonNode tips = tips(push.msg());
    assertThat(tips.get("markAsReadUserID").asString()).isEqualTo(bob);
    assertThat(tips.get("conversationID").asString()).isEqualTo(conversationID);
    assertThat(tips.get("seqs").toString()).isEqualTo("[1,2]");
    assertThat(tips.get("hasReadSeq").asLong()).isEqualTo(2);

    JsonNode seen = pulled(chat.pull(alice, conversationID, 1, 3, 3, 0), conversationID);
    assertThat(bySeq(seen, 1).get("isRead").asBoolean()).isTrue();
    assertThat(bySeq(seen, 2).get("isRead").asBoolean()).isTrue();
    assertThat(bySeq(seen, 3).get("isRead").asBoolean()).isFalse();
    assertThat(readSeq(bob, conversationID)).isEqualTo(2);
  }

  @Test
  void markingOnesOwnMessagesSetsNoReadFlag() {
    chat.texts(alice, bob, 2);
    chat.api.ok(MARK_MSGS, chat.token(alice), Map.of("userID", alice, "conversationID", conversationID, "seqs", List.of(1)));
    assertThat(bySeq(pulled(chat.pull(bob, conversationID, 1, 1, 1, 0), conversationID), 1).get("isRead").asBoolean())
        .isFalse();
  }

  @Test
  void markingMessagesChecksItsArgumentsThePermissionAndTheConversation() {
    chat.texts(alice, bob, 3);
    String carol = chat.users("mark_carol", 1).get(0);
    String token = chat.token(bob);
    assertFails(chat.api.post(MARK_MSGS, token, Map.of("userID", bob, "seqs", List.of(1))), 1001,
        "conversationID is empty");
    assertFails(chat.api.post(MARK_MSGS, token, Map.of("userID", bob, "conversationID", conversationID)), 1001,
        "seqs is empty");
    assertFails(chat.api.post(MARK_MSGS, token, Map.of("userID", bob, "conversationID", conversationID,
        "seqs", List.of())), 1001, "seqs must not be empty");
    assertFails(chat.api.post(MARK_MSGS, token, Map.of("conversationID", conversationID, "seqs", List.of(1))), 1001,
        "userID is empty");
    assertFails(chat.api.post(MARK_MSGS, token, Map.of("userID", bob, "conversationID", conversationID,
        "seqs", List.of(1, 0))), 1001, "seqs has 0 value is invalid");
    assertFails(chat.api.post(MARK_MSGS, token, Map.of("userID", bob, "conversationID", conversationID,
        "seqs", List.of(1, 4))), 1001, "hasReadSeq must not be bigger than maxSeq");
    assertFails(chat.api.post(MARK_MSGS, chat.token(alice), Map.of("userID", bob, "conversationID", conversationID,
        "seqs", List.of(1))), 1002, bob);
    assertFails(chat.api.post(MARK_MSGS, chat.token(carol), Map.of("userID", carol, "conversationID", conversationID,
        "seqs", List.of(1))), 1004, conversationID);
    assertThat(readSeq(bob, conversationID)).isZero();
    assertThat(chat.api.post(MARK_MSGS, chat.api.adminToken(), Map.of("userID", bob, "conversationID", conversationID,
        "seqs", List.of(3))).errCode()).isZero();
    assertThat(readSeq(bob, conversationID)).isEqualTo(3);
  }

  @Test
  void markingASingleChatReadsTheUnreadRangeAndTheListedSeqs() throws Exception {
    chat.texts(alice, bob, 5);
    CompletableFuture<Push> receipt = nextReceipt(push -> push.msg().getSendID().equals(bob));

    chat.api.ok(MARK_CONVERSATION, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "hasReadSeq", 3, "seqs", List.of(5)));

    JsonNode tips = tips(received(receipt).msg());
    assertThat(tips.get("seqs").toString()).isEqualTo("[1,2,3,5]");
    assertThat(tips.get("hasReadSeq").asLong()).isEqualTo(3);
    JsonNode seen = pulled(chat.pull(alice, conversationID, 1, 5, 5, 0), conversationID);
    assertThat(List.of(1, 2, 3, 4, 5).stream().map(seq -> bySeq(seen, seq).get("isRead").asBoolean()))
        .containsExactly(true, true, true, false, true);
    assertThat(readSeq(bob, conversationID)).isEqualTo(3);

    CompletableFuture<Push> again = nextReceipt(push -> push.msg().getSendID().equals(bob));
    chat.api.ok(MARK_CONVERSATION, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "hasReadSeq", 2));
    JsonNode lower = tips(received(again).msg());
    assertThat(lower.get("seqs").toString()).isEqualTo("[]");
    assertThat(lower.get("hasReadSeq").asLong()).as("a lower seq never lowers the read seq").isEqualTo(3);
    assertThat(readSeq(bob, conversationID)).isEqualTo(3);
  }

  @Test
  void markingAConversationChecksItsArgumentsThePermissionAndTheConversation() {
    chat.texts(alice, bob, 1);
    String token = chat.token(bob);
    assertFails(chat.api.post(MARK_CONVERSATION, token, Map.of("userID", bob, "hasReadSeq", 1)), 1001,
        "conversationID is empty");
    assertFails(chat.api.post(MARK_CONVERSATION, token, Map.of("conversationID", conversationID, "hasReadSeq", 1)),
        1001, "userID is empty");
    assertFails(chat.api.post(MARK_CONVERSATION, token, Map.of("userID", bob, "conversationID", conversationID)),
        1001, "hasReadSeq is invalid");
    assertFails(chat.api.post(MARK_CONVERSATION, token, Map.of("userID", bob, "conversationID", conversationID,
        "hasReadSeq", 1, "seqs", List.of(0))), 1001, "seqs has 0 value is invalid");
    assertFails(chat.api.post(MARK_CONVERSATION, chat.token(alice), Map.of("userID", bob,
        "conversationID", conversationID, "hasReadSeq", 1)), 1002, bob);
    assertFails(chat.api.post(MARK_CONVERSATION, token, Map.of("userID", bob, "conversationID", "si_no_such",
        "hasReadSeq", 1)), 1004, "si_no_such");
  }

  @Test
  void markingAGroupMovesOnlyTheReadSeqAndTellsTheUsersOwnDevices() throws Exception {
    String groupID = group();
    String group = ConversationIds.group(groupID);
    CompletableFuture<Push> receipt = nextReceipt(push -> push.msg().getSendID().equals(bob));

    chat.api.ok(MARK_CONVERSATION, chat.token(bob), Map.of("userID", bob, "conversationID", group, "hasReadSeq", 2));

    Push push = received(receipt);
    assertThat(push.conversationID()).isEqualTo(ConversationIds.self(bob));
    assertThat(push.msg().getSeq()).as("online only").isZero();
    assertThat(push.msg().getRecvID()).isEqualTo(bob);
    assertThat(push.msg().getSessionType()).isEqualTo(ConversationIds.SINGLE_CHAT);
    assertThat(push.userIDs()).containsExactly(bob);
    assertThat(tips(push.msg()).get("hasReadSeq").asLong()).isEqualTo(2);
    assertThat(tips(push.msg()).get("seqs").toString()).isEqualTo("[]");
    assertThat(readSeq(bob, group)).isEqualTo(2);
  }

  @Test
  void markingGroupMessagesTellsTheGroup() throws Exception {
    String groupID = group();
    String group = ConversationIds.group(groupID);
    CompletableFuture<Push> receipt = nextReceipt(push -> push.msg().getSendID().equals(bob));

    chat.api.ok(MARK_MSGS, chat.token(bob), Map.of("userID", bob, "conversationID", group, "seqs", List.of(1)));

    Push push = received(receipt);
    assertThat(push.conversationID()).isEqualTo("n_" + groupID);
    assertThat(push.msg().getSeq()).isPositive();
    assertThat(push.msg().getSessionType()).isEqualTo(ConversationIds.GROUP_CHAT);
    assertThat(push.msg().getGroupID()).isEqualTo(groupID);
    assertThat(push.userIDs()).contains(alice, bob);
    assertThat(readSeq(bob, group)).isEqualTo(1);
    assertThat(bySeq(pulled(chat.pull(alice, group, 1, 1, 1, 0), group), 1).get("isRead").asBoolean())
        .as("read flags are shown in single chats only").isFalse();
  }

  @Test
  void settingTheReadSeqRaisesItAndTellsTheUserUnlessAskedNotTo() throws Exception {
    chat.texts(alice, bob, 3);
    CompletableFuture<Push> receipt = nextReceipt(push -> push.msg().getSendID().equals(bob)
        && tips(push.msg()).get("conversationID").asString().equals(conversationID));

    chat.api.ok(SET_HAS_READ_SEQ, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "hasReadSeq", 1, "noNotification", true));
    chat.api.ok(SET_HAS_READ_SEQ, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "hasReadSeq", 2));

    Push push = received(receipt);
    assertThat(tips(push.msg()).get("hasReadSeq").asLong()).as("the first call sent nothing").isEqualTo(2);
    assertThat(push.conversationID()).isEqualTo(ConversationIds.self(bob));
    assertThat(push.msg().getSeq()).isZero();
    assertThat(push.userIDs()).containsExactly(bob);
    chat.api.ok(SET_HAS_READ_SEQ, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "hasReadSeq", 1, "noNotification", true));
    assertThat(readSeq(bob, conversationID)).isEqualTo(2);
  }

  @Test
  void settingTheReadSeqChecksItsArgumentsAndThePermission() {
    chat.texts(alice, bob, 2);
    String token = chat.token(bob);
    assertFails(chat.api.post(SET_HAS_READ_SEQ, token, Map.of("userID", bob, "hasReadSeq", 1)), 1001,
        "conversationID is empty");
    assertFails(chat.api.post(SET_HAS_READ_SEQ, token, Map.of("conversationID", conversationID, "hasReadSeq", 1)),
        1001, "userID is empty");
    assertFails(chat.api.post(SET_HAS_READ_SEQ, token, Map.of("userID", bob, "conversationID", conversationID,
        "hasReadSeq", 0)), 1001, "hasReadSeq is invalid");
    assertFails(chat.api.post(SET_HAS_READ_SEQ, token, Map.of("userID", bob, "conversationID", conversationID,
        "hasReadSeq", 3)), 1001, "hasReadSeq must not be bigger than maxSeq");
    assertFails(chat.api.post(SET_HAS_READ_SEQ, chat.token(alice), Map.of("userID", bob,
        "conversationID", conversationID, "hasReadSeq", 1)), 1002, bob);
    assertThat(readSeq(bob, conversationID)).isZero();
  }

  /** A group of alice (owner) and bob with two messages from alice. */
  private String group() {
    String groupID = new HandWrittenGroups(database, directory)
        .create(alice, Map.of(bob, GroupDirectory.ROLE_ORDINARY));
    for (int i = 0; i < 2; i++) {
      chat.send(ReadFixture.message(alice, groupID, ConversationIds.GROUP_CHAT, ReadFixture.TEXT,
          "{\"content\":\"to all\"}"));
    }
    return groupID;
  }
}
