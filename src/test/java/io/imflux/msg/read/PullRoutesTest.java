package io.imflux.msg.read;

import static io.imflux.msg.read.ReadFixture.NEWEST_SEQ;
import static io.imflux.msg.read.ReadFixture.PULL;
import static io.imflux.msg.read.ReadFixture.assertFails;
import static io.imflux.msg.read.ReadFixture.bySeq;
import static io.imflux.msg.read.ReadFixture.content;
import static io.imflux.msg.read.ReadFixture.eventually;
import static io.imflux.msg.read.ReadFixture.json;
import static io.imflux.msg.read.ReadFixture.pulled;
import static io.imflux.msg.read.ReadFixture.seqs;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.Revocation;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /msg/newest_seq} and {@code /msg/pull_msg_by_seq} over HTTP (spec/api-msg.md §5). */
@ImfluxTest
class PullRoutesTest extends ChatRoutesTest {

  @Autowired
  MessageStore store;

  @Test
  void newestSeqOfAUserWithoutMessagesIsAnEmptyObject() {
    var result = chat.api.post(NEWEST_SEQ, chat.token(alice), Map.of("userID", alice));
    assertThat(result.text()).isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":{}}");
  }

  @Test
  void newestSeqListsTheMaxSeqOfEveryConversationWithMessages() {
    chat.texts(alice, bob, 3);
    chat.texts(bob, alice, 1);
    JsonNode data = chat.api.ok(NEWEST_SEQ, chat.token(bob), Map.of("userID", bob));
    assertThat(data.toString()).isEqualTo("{\"maxSeqs\":{\"" + conversationID + "\":4}}");
    JsonNode asAdmin = chat.api.ok(NEWEST_SEQ, chat.api.adminToken(), Map.of("userID", alice));
    assertThat(asAdmin.get("maxSeqs").get(conversationID).asLong()).isEqualTo(4);
  }

  @Test
  void newestSeqIncludesTheNotificationTwinOnceItHasMessages() {
    chat.texts(alice, bob, 2);
    chat.api.ok(ReadFixture.MARK_MSGS, chat.token(bob),
        Map.of("userID", bob, "conversationID", conversationID, "seqs", List.of(1, 2)));
    String twin = ConversationIds.notificationTwin(conversationID);
    eventually(() -> chat.api.ok(NEWEST_SEQ, chat.token(alice), Map.of("userID", alice)).get("maxSeqs").has(twin));
    JsonNode maxSeqs = chat.api.ok(NEWEST_SEQ, chat.token(alice), Map.of("userID", alice)).get("maxSeqs");
    assertThat(maxSeqs.propertyNames()).containsExactlyInAnyOrder(conversationID, twin);
    assertThat(maxSeqs.get(twin).asLong()).isEqualTo(1);
  }

  @Test
  void onlyTheUserOrAnAdminMayAsk() {
    assertFails(chat.api.post(NEWEST_SEQ, chat.token(bob), Map.of("userID", alice)), 1002, alice);
    assertFails(chat.api.post(PULL, chat.token(bob), Map.of("userID", alice, "seqRanges", List.of())), 1002, alice);
  }

  @Test
  void aPullReturnsTheDenseSeqsOfTheRangeWithTheirMessages() {
    chat.texts(alice, bob, 5);
    JsonNode msgs = pulled(chat.pull(bob, conversationID, 1, 5, 10, 0), conversationID);
    assertThat(seqs(msgs)).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(msgs.get("isEnd").asBoolean()).isTrue();
    assertThat(msgs.get("endSeq").asLong()).isZero();
    JsonNode third = bySeq(msgs, 3);
    assertThat(content(third)).isEqualTo("{\"content\":\"hi 2\"}");
    assertThat(third.get("sendID").asString()).isEqualTo(alice);
    assertThat(third.get("recvID").asString()).isEqualTo(bob);
    assertThat(third.get("contentType").asInt()).isEqualTo(101);
    assertThat(third.get("status").asInt()).isEqualTo(2);
    assertThat(third.get("isRead").asBoolean()).isFalse();
    assertThat(third.get("sendTime").asLong()).isPositive();
  }

  @Test
  void aPullLongerThanNumReturnsTheNewestNum() {
    chat.texts(alice, bob, 5);
    assertThat(seqs(pulled(chat.pull(bob, conversationID, 1, 5, 2, 0), conversationID))).containsExactly(4L, 5L);
    assertThat(seqs(pulled(chat.pull(bob, conversationID, 0, 5, 1, 0), conversationID))).containsExactly(5L);
  }

  @Test
  void aPullWithNumZeroOrOutsideTheWindowLeavesTheConversationOut() {
    chat.texts(alice, bob, 2);
    assertThat(chat.pull(bob, conversationID, 1, 2, 0, 0).toString()).isEqualTo("{}");
    assertThat(chat.pull(bob, conversationID, 3, 9, 5, 0).toString()).isEqualTo("{}");
  }

  @Test
  void isEndFollowsTheOrder() {
    chat.texts(alice, bob, 4);
    assertThat(pulled(chat.pull(bob, conversationID, 1, 3, 10, 0), conversationID).get("isEnd").asBoolean()).isFalse();
    assertThat(pulled(chat.pull(bob, conversationID, 2, 99, 10, 0), conversationID).get("isEnd").asBoolean()).isTrue();
    assertThat(pulled(chat.pull(bob, conversationID, 2, 4, 10, 1), conversationID).get("isEnd").asBoolean()).isFalse();
    JsonNode fromTheStart = pulled(chat.pull(bob, conversationID, 1, 2, 10, 1), conversationID);
    assertThat(fromTheStart.get("isEnd").asBoolean()).isTrue();
    assertThat(seqs(fromTheStart)).containsExactly(1L, 2L);
  }

  @Test
  void anErasedSeqIsAPlaceholderWithTheEarlierSendTime() {
    chat.texts(alice, bob, 3);
    store.erase(conversationID, List.of(2L)).block(ReadFixture.WAIT);
    JsonNode msgs = pulled(chat.pull(bob, conversationID, 1, 3, 10, 0), conversationID);
    assertThat(seqs(msgs)).containsExactly(1L, 2L, 3L);
    JsonNode placeholder = bySeq(msgs, 2);
    assertThat(placeholder.get("status").asInt()).isEqualTo(4);
    assertThat(placeholder.get("sendTime").asLong()).isEqualTo(bySeq(msgs, 1).get("sendTime").asLong());
    assertThat(placeholder.get("sendID").asString()).isEmpty();
    assertThat(placeholder.get("clientMsgID").asString()).isEmpty();
    assertThat(placeholder.get("contentType").asInt()).isZero();
    assertThat(placeholder.get("content").isNull()).isTrue();
  }

  @Test
  void aMessageTheUserDeletedComesBackEmptyForThemOnly() {
    chat.texts(alice, bob, 2);
    store.markDeleted(conversationID, bob, List.of(1L)).block(ReadFixture.WAIT);
    JsonNode deleted = bySeq(pulled(chat.pull(bob, conversationID, 1, 2, 10, 0), conversationID), 1);
    assertThat(deleted.get("status").asInt()).isEqualTo(4);
    assertThat(deleted.get("content").isNull()).isTrue();
    assertThat(deleted.get("clientMsgID").asString()).isNotEmpty();
    JsonNode forAlice = bySeq(pulled(chat.pull(alice, conversationID, 1, 2, 10, 0), conversationID), 1);
    assertThat(forAlice.get("status").asInt()).isEqualTo(2);
    assertThat(content(forAlice)).isEqualTo("{\"content\":\"hi 0\"}");
  }

  @Test
  void aRevokedMessageComesBackAsARevokeNotice() {
    chat.texts(alice, bob, 1);
    store.revoke(conversationID, 1, new Revocation(0, alice, "Alice", 1_700_000_000_000L)).block(ReadFixture.WAIT);
    JsonNode revoked = bySeq(pulled(chat.pull(bob, conversationID, 1, 1, 1, 0), conversationID), 1);
    assertThat(revoked.get("contentType").asInt()).isEqualTo(2101);
    JsonNode notice = json(json(content(revoked)).get("detail").asString());
    assertThat(notice.get("revokerID").asString()).isEqualTo(alice);
    assertThat(notice.get("revokerNickname").asString()).isEqualTo("Alice");
    assertThat(notice.get("revokeTime").asLong()).isEqualTo(1_700_000_000_000L);
    assertThat(notice.get("seq").asLong()).isEqualTo(1);
    assertThat(notice.get("sourceMessageSendID").asString()).isEqualTo(alice);
    assertThat(revoked.get("clientMsgID").asString()).isEqualTo(notice.get("clientMsgID").asString());
  }

  @Test
  void aConversationTheUserDoesNotHaveIsSkipped() {
    chat.texts(alice, bob, 2);
    String carol = chat.users("pull_carol", 1).get(0);
    assertThat(chat.pull(carol, conversationID, 1, 2, 10, 0).toString()).isEqualTo("{}");
    assertThat(chat.pull(carol, "si_nobody_none", 1, 2, 10, 0).toString()).isEqualTo("{}");
  }

  @Test
  void aNotificationConversationReturnsEverySeqWhateverNum() {
    chat.texts(alice, bob, 3);
    String twin = ConversationIds.notificationTwin(conversationID);
    for (int seq = 1; seq <= 3; seq++) {
      chat.api.ok(ReadFixture.MARK_MSGS, chat.token(bob),
          Map.of("userID", bob, "conversationID", conversationID, "seqs", List.of(seq)));
    }
    eventually(() -> {
      JsonNode receipts = pulled(chat.pull(alice, twin, 1, 3, 1, 0), twin);
      return receipts != null && seqs(receipts).size() == 3;
    });
    JsonNode data = chat.pull(alice, twin, 0, 100, 1, 0);
    assertThat(data.has("msgs")).isFalse();
    JsonNode receipts = pulled(data, twin);
    assertThat(seqs(receipts)).containsExactly(1L, 2L, 3L);
    assertThat(receipts.get("isEnd").asBoolean()).isTrue();
    assertThat(receipts.get("Msgs").values()).allSatisfy(msg -> {
      assertThat(msg.get("contentType").asInt()).isEqualTo(2200);
      assertThat(msg.get("sendID").asString()).isEqualTo(bob);
    });
  }

  @Test
  void rangesOfSeveralConversationsComeBackTogether() {
    String carol = chat.users("pull_carol", 1).get(0);
    chat.texts(alice, bob, 2);
    chat.texts(carol, alice, 3);
    String other = ConversationIds.single(alice, carol);
    JsonNode data = chat.api.ok(PULL, chat.token(alice), Map.of("userID", alice, "seqRanges", List.of(
        Map.of("conversationID", conversationID, "begin", 1, "end", 2, "num", 10),
        Map.of("conversationID", other, "begin", 1, "end", 3, "num", 2),
        Map.of("conversationID", "si_unknown_x", "begin", 1, "end", 3, "num", 2))));
    assertThat(data.get("msgs").propertyNames()).containsExactlyInAnyOrder(conversationID, other);
    assertThat(seqs(pulled(data, conversationID))).containsExactly(1L, 2L);
    assertThat(seqs(pulled(data, other))).containsExactly(2L, 3L);
  }

  @Test
  void aQuoteOfAMessageRevokedOrGoneSinceShowsItRevoked() {
    chat.texts(alice, bob, 1);
    String quoteOfOne = quote(1, "hi");
    chat.send(ReadFixture.message(bob, alice, ConversationIds.SINGLE_CHAT, ReadFixture.QUOTE, quoteOfOne));
    chat.send(ReadFixture.message(bob, alice, ConversationIds.SINGLE_CHAT, ReadFixture.QUOTE, quote(9, "never")));
    chat.send(ReadFixture.message(bob, alice, ConversationIds.SINGLE_CHAT, ReadFixture.QUOTE,
        "{\"text\":\"old\",\"quoteMessage\":{\"seq\":0,\"content\":\"e30=\"}}"));

    JsonNode before = pulled(chat.pull(alice, conversationID, 1, 4, 10, 0), conversationID);
    assertThat(content(bySeq(before, 2))).isEqualTo(quoteOfOne);
    JsonNode gone = json(content(bySeq(before, 3))).get("quoteMessage");
    assertThat(gone.get("contentType").asInt()).isEqualTo(2101);
    assertThat(gone.get("content").asString()).isEqualTo("{}");
    JsonNode repaired = json(content(bySeq(before, 4)));
    assertThat(repaired.get("text").asString()).isEqualTo("old");
    assertThat(repaired.get("quoteMessage").get("content").asString()).isEqualTo("{}");

    store.revoke(conversationID, 1, new Revocation(0, alice, "Alice", 1_700_000_000_000L)).block(ReadFixture.WAIT);
    JsonNode after = json(content(bySeq(pulled(chat.pull(alice, conversationID, 2, 2, 1, 0), conversationID), 2)));
    assertThat(after.get("text").asString()).isEqualTo("re");
    assertThat(after.get("quoteMessage").get("contentType").asInt()).isEqualTo(2101);
    assertThat(after.get("quoteMessage").get("sendID").asString()).isEqualTo(alice);
    JsonNode notice = json(json(after.get("quoteMessage").get("content").asString()).get("detail").asString());
    assertThat(notice.get("revokerID").asString()).isEqualTo(alice);
    assertThat(store.find(conversationID, List.of(2L)).blockFirst(ReadFixture.WAIT).msg().getContent().toStringUtf8())
        .isEqualTo(quoteOfOne);
  }

  private String quote(long seq, String text) {
    return "{\"text\":\"re\",\"quoteMessage\":{\"sendID\":\"" + alice + "\",\"contentType\":101,"
        + "\"content\":\"{\\\"content\\\":\\\"" + text + "\\\"}\",\"seq\":" + seq + "}}";
  }
}
