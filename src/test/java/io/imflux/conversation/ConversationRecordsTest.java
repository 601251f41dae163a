package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.keys;
import static io.imflux.testing.Envelopes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Records the message pipeline creates (spec/api-conversation.md §5.1, spec/pipeline.md §13): on a chat's first
 * stored message, and again for a participant who deleted theirs when a later message arrives (our decision).
 */
class ConversationRecordsTest extends ConversationRouteTest {

  @Test
  void aSingleChatsFirstMessageCreatesBothRecordsWithTheDefaults() {
    List<String> u = users("rec_single", 2);
    String conversationID = ConversationIds.single(u.get(0), u.get(1));

    send(u.get(0), u.get(1));

    JsonNode senders = record(u.get(0), conversationID);
    assertThat(keys(senders)).containsExactlyElementsOf(CONVERSATION_KEYS);
    assertThat(senders.get("ownerUserID").asString()).isEqualTo(u.get(0));
    assertThat(senders.get("conversationType").asInt()).isEqualTo(1);
    assertThat(senders.get("userID").asString()).isEqualTo(u.get(1));
    assertThat(senders.get("groupID").asString()).isEmpty();
    assertThat(senders.get("latestMsgDestructTime").asLong()).isEqualTo(NEVER);
    for (String zero : List.of("recvMsgOpt", "groupAtType", "burnDuration", "minSeq", "maxSeq", "msgDestructTime")) {
      assertThat(senders.get(zero).asLong()).as(zero).isZero();
    }
    for (String off : List.of("isPinned", "isPrivateChat", "isMsgDestruct")) {
      assertThat(senders.get(off).asBoolean()).as(off).isFalse();
    }
    assertThat(senders.get("ex").asString() + senders.get("attachedInfo").asString()).isEmpty();
    assertThat(record(u.get(1), conversationID).get("userID").asString()).isEqualTo(u.get(0));
  }

  @Test
  void aGroupsFirstMessageCreatesARecordForEveryMember() {
    List<String> u = users("rec_group", 3);
    String groupID = groups().create(u.get(0),
        Map.of(u.get(1), GroupDirectory.ROLE_ORDINARY, u.get(2), GroupDirectory.ROLE_ADMIN));

    sendToGroup(u.get(1), groupID);

    for (String member : u) {
      JsonNode record = record(member, ConversationIds.group(groupID));
      assertThat(record.get("conversationType").asInt()).isEqualTo(3);
      assertThat(record.get("groupID").asString()).isEqualTo(groupID);
      assertThat(record.get("userID").asString()).isEmpty();
    }
  }

  @Test
  void aNotificationChatsFirstMessageCreatesTheReceiversRecordOnly() {
    String reader = users("rec_oa", 1).get(0);
    String account = api.ok("/user/add_notification_account", api.adminToken(),
        Map.of("nickName", "News", "appMangerLevel", 3)).get("userID").asString();

    // The document dialect's OA notification: content type 1201, stored in session type 4.
    api.ok(SEND, api.adminToken(), Map.of("sendID", account, "recvID", reader, "sessionType", 1,
        "contentType", 1201, "content", Map.of("notificationName", "n", "notificationType", 1, "text", "t")));

    String conversationID = "sn_" + String.join("_", List.of(account, reader).stream().sorted().toList());
    JsonNode record = record(reader, conversationID);
    assertThat(record.get("conversationType").asInt()).isEqualTo(4);
    assertThat(record.get("userID").asString()).isEqualTo(account);
    assertThat(texts(api.ok(FULL_IDS, api.adminToken(), Map.of("userID", account)).get("conversationIDs")))
        .isEmpty();
  }

  @Test
  void createdRecordsAreLoggedAsInsertsForIncrementalSync() {
    List<String> u = users("rec_log", 2);
    JsonNode before = api.ok(FULL_IDS, token(u.get(1)), Map.of("userID", u.get(1)));
    String conversationID = ConversationIds.single(u.get(0), u.get(1));

    send(u.get(0), u.get(1));

    // The pipeline logs its inserts after it acknowledged the message.
    eventually(() -> incremental(u.get(1), before).get("version").asLong() > before.get("version").asLong());
    JsonNode delta = incremental(u.get(1), before);
    assertThat(delta.get("full").asBoolean()).isFalse();
    assertThat(ids(delta.get("insert"))).containsExactly(conversationID);
    assertThat(delta.get("update").isEmpty() && delta.get("delete").isEmpty()).isTrue();
  }

  @Test
  void aDeletedRecordComesBackWithDefaultsOnTheNextMessageAndCatchesUpBySeq() {
    List<String> u = users("rec_back", 2);
    String alice = u.get(0);
    String bob = u.get(1);
    String conversationID = ConversationIds.single(alice, bob);
    send(alice, bob);
    set(bob, single(bob, alice, Map.of("isPinned", true, "ex", "bob's")));
    api.ok(DELETE, token(bob), Map.of("ownerUserID", bob, "conversationIDs", List.of(conversationID)));
    assertError(api.post(ONE, token(bob), Map.of("ownerUserID", bob, "conversationID", conversationID)), 1004,
        "conversation not found");
    assertThat(newestSeqs(bob).has(conversationID)).isFalse();

    send(alice, bob);

    JsonNode back = record(bob, conversationID);
    assertThat(back.get("userID").asString()).isEqualTo(alice);
    assertThat(back.get("isPinned").asBoolean()).isFalse();
    assertThat(back.get("ex").asString()).isEmpty();
    assertThat(conversationIDs(bob)).containsExactly(conversationID);
    assertThat(newestSeqs(bob).get(conversationID).asLong()).isEqualTo(2);
    assertThat(record(alice, conversationID).get("userID").asString()).isEqualTo(bob);
  }

  @Test
  void theDeletersOwnMessageBringsTheirRecordBackToo() {
    List<String> u = users("rec_own", 2);
    String conversationID = ConversationIds.single(u.get(0), u.get(1));
    send(u.get(0), u.get(1));
    api.ok(DELETE, token(u.get(0)), Map.of("ownerUserID", u.get(0), "conversationIDs", List.of(conversationID)));

    send(u.get(0), u.get(1));

    assertThat(record(u.get(0), conversationID).get("userID").asString()).isEqualTo(u.get(1));
  }

  @Test
  void aGroupMessageBringsBackTheRecordsOfMembersOnlyNotOfThoseWhoLeft() {
    List<String> u = users("rec_left", 3);
    String owner = u.get(0);
    String stays = u.get(1);
    String leaves = u.get(2);
    String groupID = groups().create(owner,
        Map.of(stays, GroupDirectory.ROLE_ORDINARY, leaves, GroupDirectory.ROLE_ORDINARY));
    String conversationID = ConversationIds.group(groupID);
    sendToGroup(owner, groupID);
    for (String member : List.of(stays, leaves)) {
      api.ok(DELETE, token(member), Map.of("ownerUserID", member, "conversationIDs", List.of(conversationID)));
    }
    groups().leave(groupID, leaves);

    sendToGroup(owner, groupID);

    assertThat(record(stays, conversationID).get("groupID").asString()).isEqualTo(groupID);
    assertThat(conversationIDs(leaves)).doesNotContain(conversationID);
    // Forgotten, not pending: joining again is the groups feature's business, a message does not revive it.
    groups().member(groupID, leaves, GroupDirectory.ROLE_ORDINARY);
    sendToGroup(owner, groupID);
    assertThat(texts(api.ok(FULL_IDS, token(leaves), Map.of("userID", leaves)).get("conversationIDs")))
        .doesNotContain(conversationID);
  }

  private JsonNode incremental(String owner, JsonNode since) {
    return api.ok(INCREMENTAL, token(owner), Map.of("userID", owner,
        "versionID", since.get("versionID").asString(), "version", since.get("version").asLong()));
  }

  private JsonNode newestSeqs(String userID) {
    JsonNode data = api.ok(NEWEST_SEQ, token(userID), Map.of("userID", userID));
    return data.has("maxSeqs") ? data.get("maxSeqs") : ApiClient.JSON.createObjectNode();
  }
}
