package io.imflux.msg.read;

import static io.imflux.msg.read.ReadFixture.HAS_READ_AND_MAX_SEQ;
import static io.imflux.msg.read.ReadFixture.WAIT;
import static io.imflux.msg.read.ReadFixture.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.SeqAllocator;
import io.imflux.conversation.ConversationPatch;
import io.imflux.conversation.Conversations;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code /msg/get_conversations_has_read_and_max_seq} over HTTP (spec/api-msg.md §8.4). */
@ImfluxTest
class HasReadAndMaxSeqRouteTest extends ChatRoutesTest {

  @Autowired
  Conversations conversations;
  @Autowired
  SeqAllocator seqs;

  String carol;
  String withAlice;
  String withCarol;

  @BeforeEach
  void aThirdUser() {
    carol = chat.users("carol", 1).get(0);
    withAlice = conversationID;
    withCarol = ConversationIds.single(carol, bob);
  }

  JsonNode ask(String userID, List<String> conversationIDs, boolean returnPinned) {
    return chat.api.ok(HAS_READ_AND_MAX_SEQ, chat.token(userID),
        Map.of("userID", userID, "conversationIDs", conversationIDs, "returnPinned", returnPinned));
  }

  @Test
  void withoutConversationIDsEveryConversationOfTheUserIsListed() {
    long before = System.currentTimeMillis();
    chat.texts(alice, bob, 3);
    chat.texts(carol, bob, 1);

    JsonNode data = ask(bob, List.of(), false);

    assertThat(data.get("seqs").propertyNames()).containsExactlyInAnyOrder(withAlice, withCarol);
    JsonNode first = data.get("seqs").get(withAlice);
    assertThat(first.get("maxSeq").asLong()).isEqualTo(3);
    assertThat(first.get("hasReadSeq").asLong()).isZero();
    assertThat(first.get("maxSeqTime").asLong()).isBetween(before, System.currentTimeMillis());
    assertThat(data.get("seqs").get(withCarol).get("maxSeq").asLong()).isEqualTo(1);
    assertThat(data.get("pinnedConversationIDs").toString()).isEqualTo("[]");
    assertThat(ask(alice, List.of(), false).get("seqs").get(withAlice).get("hasReadSeq").asLong())
        .as("a sender has read its own messages").isEqualTo(3);
  }

  @Test
  void aNamedConversationWithoutMessagesHasAnEntryOfZeros() {
    chat.texts(alice, bob, 2);
    JsonNode data = ask(bob, List.of("si_nobody_none", withAlice, withAlice), false);
    assertThat(data.get("seqs").propertyNames()).containsExactlyInAnyOrder("si_nobody_none", withAlice);
    assertThat(data.get("seqs").get("si_nobody_none").toString())
        .isEqualTo("{\"maxSeq\":0,\"hasReadSeq\":0,\"maxSeqTime\":0}");
  }

  @Test
  void theUsersCapReplacesTheMaxSeq() {
    chat.texts(alice, bob, 4);
    seqs.setUserMaxSeq(bob, withAlice, 2).block(WAIT);
    assertThat(ask(bob, List.of(withAlice), false).get("seqs").get(withAlice).get("maxSeq").asLong()).isEqualTo(2);
    assertThat(ask(alice, List.of(withAlice), false).get("seqs").get(withAlice).get("maxSeq").asLong()).isEqualTo(4);
  }

  @Test
  void pinnedConversationsAreListedOnlyWhenAsked() {
    chat.texts(alice, bob, 1);
    chat.texts(carol, bob, 1);
    conversations.update(List.of(bob), withCarol, ConversationPatch.of(ConversationPatch.IS_PINNED, true))
        .block(WAIT);

    assertThat(ask(bob, List.of(withAlice), true).get("pinnedConversationIDs").toString())
        .isEqualTo("[\"" + withCarol + "\"]");
    assertThat(ask(bob, List.of(withAlice), false).get("pinnedConversationIDs").toString()).isEqualTo("[]");
  }

  @Test
  void theUserIDIsRequiredAndOnlyTheUserOrAnAdminMayAsk() {
    chat.texts(alice, bob, 1);
    assertFails(chat.api.post(HAS_READ_AND_MAX_SEQ, chat.token(bob), Map.of("conversationIDs", List.of())), 1001,
        "userID is empty");
    assertFails(chat.api.post(HAS_READ_AND_MAX_SEQ, chat.token(alice), Map.of("userID", bob)), 1002, bob);
    assertThat(chat.api.ok(HAS_READ_AND_MAX_SEQ, chat.api.adminToken(), Map.of("userID", bob))
        .get("seqs").get(withAlice).get("maxSeq").asLong()).isEqualTo(1);
  }
}
