package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.ConversationIds;
import io.imflux.notification.Notification;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /conversation/delete_conversations} and {@code /conversation/update_conversations_by_user}
 * (spec/api-conversation.md §6.11, §6.12): records change, messages and seqs do not, nobody is notified.
 */
class ConversationEditRoutesTest extends ConversationRouteTest {

  @Test
  void deletingByIDRemovesOnlyTheRecordsAndNotifiesNobody() {
    List<String> u = users("del_ids", 3);
    String owner = u.get(0);
    String first = ConversationIds.single(owner, u.get(1));
    String second = ConversationIds.single(owner, u.get(2));
    send(u.get(1), owner);
    send(u.get(2), owner);
    List<Notification> seen = collect(n -> n.recvID().equals(owner));

    assertEmptySuccess(api.post(DELETE, token(owner), Map.of("ownerUserID", owner,
        "conversationIDs", List.of(first, "si_unknown_x"))));

    assertThat(conversationIDs(owner)).containsExactly(second);
    assertThat(seen).isEmpty();
    // The peer's record, the messages and the owner's read state stay.
    assertThat(record(u.get(1), first).get("userID").asString()).isEqualTo(owner);
    JsonNode seqs = api.ok("/msg/get_conversations_has_read_and_max_seq", token(owner),
        Map.of("userID", owner, "conversationIDs", List.of(first))).get("seqs").get(first);
    assertThat(seqs.get("maxSeq").asLong()).isEqualTo(1);
  }

  @Test
  void deletingByAgeRemovesConversationsWhoseLatestMessageIsOlderAndKeepsThoseWithout() {
    List<String> u = users("del_age", 4);
    String owner = u.get(0);
    long day = 86_400_000L;
    long now = System.currentTimeMillis();
    send(u.get(1), owner, now - 10 * day);
    send(u.get(2), owner, now - 10 * day);
    send(u.get(2), owner, now - day);
    set(owner, single(owner, u.get(3), Map.of("ex", "no messages")));

    assertEmptySuccess(api.post(DELETE, token(owner), Map.of("ownerUserID", owner, "needDeleteTime", 5)));

    assertThat(conversationIDs(owner)).containsExactly(ConversationIds.single(owner, u.get(2)),
        ConversationIds.single(owner, u.get(3)));
    // Nothing that old left: success without a change.
    assertEmptySuccess(api.post(DELETE, token(owner), Map.of("ownerUserID", owner, "needDeleteTime", 30)));
    assertThat(conversationIDs(owner)).hasSize(2);
  }

  @Test
  void exactlyOneWayOfDeletingMustBeGivenAndThePermissionIsCheckedFirst() {
    List<String> u = users("del_check", 2);
    String owner = u.get(0);

    assertError(api.post(DELETE, token(owner), Map.of("ownerUserID", owner)), 1001,
        "need_delete_time or conversationIDs need be set");
    assertError(api.post(DELETE, token(owner), Map.of("ownerUserID", owner, "conversationIDs", List.of())), 1001,
        "need_delete_time or conversationIDs need be set");
    assertError(api.post(DELETE, token(owner), Map.of("ownerUserID", owner, "needDeleteTime", 1,
        "conversationIDs", List.of("si_a_b"))), 1001, "cannot both be set");
    assertError(api.post(DELETE, token(u.get(1)), Map.of("ownerUserID", owner)), 1002, owner);
    send(u.get(1), owner);
    assertEmptySuccess(api.post(DELETE, api.adminToken(), Map.of("ownerUserID", owner,
        "conversationIDs", List.of(ConversationIds.single(owner, u.get(1))))));
    assertThat(conversationIDs(owner)).isEmpty();
  }

  @Test
  void updateByUserSetsExOnOtherUsersRecordsOfTheirChatWithTheUser() {
    List<String> u = users("by_user", 3);
    String user = u.get(0);
    send(u.get(1), user);
    send(u.get(2), user);
    List<Notification> seen = collect(n -> u.contains(n.recvID()));

    assertEmptySuccess(api.post(UPDATE_BY_USER, token(user), Map.of("userID", user, "ex", "profile v2")));

    assertThat(record(u.get(1), ConversationIds.single(user, u.get(1))).get("ex").asString()).isEqualTo("profile v2");
    assertThat(record(u.get(2), ConversationIds.single(user, u.get(2))).get("ex").asString()).isEqualTo("profile v2");
    assertThat(record(user, ConversationIds.single(user, u.get(1))).get("ex").asString()).isEmpty();
    assertThat(seen).isEmpty();
    // Without ex nothing changes; someone else may not.
    assertEmptySuccess(api.post(UPDATE_BY_USER, token(user), Map.of("userID", user)));
    assertThat(record(u.get(1), ConversationIds.single(user, u.get(1))).get("ex").asString()).isEqualTo("profile v2");
    assertError(api.post(UPDATE_BY_USER, token(u.get(1)), Map.of("userID", user, "ex", "x")), 1002, user);
  }
}
