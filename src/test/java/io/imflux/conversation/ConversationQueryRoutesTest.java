package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static io.imflux.testing.Envelopes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.ConversationIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The routes that read a user's records (spec/api-conversation.md §6.2-§6.4, §6.8-§6.10): their answers, checks and
 * the self-or-admin rule.
 */
class ConversationQueryRoutesTest extends ConversationRouteTest {

  private String owner;
  private String stranger;
  /** The owner's conversations in creation order: with peers 1, 2 and 3. */
  private List<String> chats;

  @BeforeEach
  void threeChats() {
    List<String> u = users("query", 5);
    owner = u.get(0);
    stranger = u.get(4);
    chats = List.of(ConversationIds.single(owner, u.get(1)), ConversationIds.single(owner, u.get(2)),
        ConversationIds.single(owner, u.get(3)));
    for (int i = 1; i <= 3; i++) {
      send(u.get(i), owner);
    }
  }

  @Test
  void getConversationAnswersOneRecordOr1004() {
    JsonNode found = data(api.post(ONE, token(owner), Map.of("ownerUserID", owner, "conversationID", chats.get(1))));
    assertThat(keys(found)).containsExactly("conversation");
    assertThat(found.get("conversation").get("conversationID").asString()).isEqualTo(chats.get(1));

    assertError(api.post(ONE, token(owner), Map.of("ownerUserID", owner, "conversationID", "si_x_y")), 1004,
        "conversation not found");
    assertError(api.post(ONE, token(owner), Map.of("conversationID", chats.get(0))), 1001, "ownerUserID is empty");
    assertError(api.post(ONE, token(owner), Map.of("ownerUserID", owner)), 1001, "conversationID is empty");
    assertError(api.post(ONE, token(stranger), Map.of("ownerUserID", owner, "conversationID", chats.get(0))), 1002,
        owner);
    assertThat(api.ok(ONE, api.adminToken(), Map.of("ownerUserID", owner, "conversationID", chats.get(0)))
        .get("conversation").get("ownerUserID").asString()).isEqualTo(owner);
  }

  @Test
  void getConversationsAnswersTheListedRecordsItFinds() {
    JsonNode found = api.ok(MANY, token(owner), Map.of("ownerUserID", owner,
        "conversationIDs", List.of(chats.get(2), "si_none_none", chats.get(0))));
    assertThat(ids(found.get("conversations"))).containsExactly(chats.get(2), chats.get(0));

    assertThat(api.ok(MANY, token(owner), Map.of("ownerUserID", owner, "conversationIDs", List.of()))
        .get("conversations").toString()).isEqualTo("[]");
    assertError(api.post(MANY, token(owner), Map.of("ownerUserID", owner)), 1001, "conversationIDs is empty");
    assertError(api.post(MANY, token(owner), Map.of("conversationIDs", List.of())), 1001, "ownerUserID is empty");
    assertError(api.post(MANY, token(stranger), Map.of("ownerUserID", owner, "conversationIDs", List.of())), 1002,
        owner);
  }

  @Test
  void getAllConversationsAnswersEveryRecordInCreationOrder() {
    JsonNode all = api.ok(ALL, token(owner), Map.of("ownerUserID", owner));
    assertThat(ids(all.get("conversations"))).containsExactlyElementsOf(chats);
    assertThat(keys(all.get("conversations").get(0))).containsExactlyElementsOf(CONVERSATION_KEYS);

    assertThat(api.ok(ALL, token(stranger), Map.of("ownerUserID", stranger)).get("conversations").toString())
        .isEqualTo("[]");
    assertError(api.post(ALL, token(owner), Map.of()), 1001, "ownerUserID is empty");
    assertError(api.post(ALL, token(stranger), Map.of("ownerUserID", owner)), 1002, owner);
  }

  @Test
  void getOwnerConversationPagesInTheOrderOfTheFullIDList() {
    assertThat(conversationIDs(owner)).containsExactlyElementsOf(chats);
    JsonNode second = api.ok(OWNER, token(owner), Map.of("userID", owner,
        "pagination", Map.of("pageNumber", 2, "showNumber", 2)));
    assertThat(keys(second)).containsExactly("total", "conversations");
    assertThat(second.get("total").asLong()).isEqualTo(3);
    assertThat(ids(second.get("conversations"))).containsExactly(chats.get(2));

    JsonNode first = api.ok(OWNER, token(owner), Map.of("userID", owner,
        "pagination", Map.of("pageNumber", 1, "showNumber", 2)));
    assertThat(ids(first.get("conversations"))).containsExactly(chats.get(0), chats.get(1));
    // Pagination is not checked: none, or a zero page, is an empty page with the total.
    JsonNode none = api.ok(OWNER, token(owner), Map.of("userID", owner));
    assertThat(none.get("total").asLong()).isEqualTo(3);
    assertThat(none.get("conversations").toString()).isEqualTo("[]");
    assertThat(api.ok(OWNER, token(owner), Map.of("userID", owner, "pagination", Map.of("pageNumber", 0,
        "showNumber", 5))).get("conversations").toString()).isEqualTo("[]");
    assertError(api.post(OWNER, token(stranger), Map.of("userID", owner)), 1002, owner);
    assertError(api.post(OWNER, token(owner), Map.of()), 1002, "");
  }

  @Test
  void notNotifyAndPinnedIDsFollowTheRecords() {
    set(owner, single(owner, peerOf(chats.get(1)), Map.of("recvMsgOpt", 2)));
    set(owner, single(owner, peerOf(chats.get(2)), Map.of("recvMsgOpt", 1, "isPinned", true)));
    set(owner, single(owner, peerOf(chats.get(0)), Map.of("isPinned", true)));

    assertThat(texts(api.ok(NOT_NOTIFY, token(owner), Map.of("userID", owner)).get("conversationIDs")))
        .containsExactly(chats.get(1));
    assertThat(texts(api.ok(PINNED, token(owner), Map.of("userID", owner)).get("conversationIDs")))
        .containsExactly(chats.get(0), chats.get(2));
    assertThat(api.ok(PINNED, token(stranger), Map.of("userID", stranger)).get("conversationIDs").toString())
        .isEqualTo("[]");
    assertError(api.post(NOT_NOTIFY, token(stranger), Map.of("userID", owner)), 1002, owner);
    assertError(api.post(PINNED, token(stranger), Map.of("userID", owner)), 1002, owner);
  }

  /** The other user of one of the owner's single chats. */
  private String peerOf(String conversationID) {
    return record(owner, conversationID).get("userID").asString();
  }
}
