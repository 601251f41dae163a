package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Updates;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.sdkws.ConversationSetPrivateTips;
import io.imflux.proto.sdkws.ConversationUpdateTips;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** {@code /conversation/set_conversations} (spec/api-conversation.md §6.5, §5.5; spec/notifications.md §4.5). */
class SetConversationsTest extends ConversationRouteTest {

  @Autowired
  ConversationStore store;

  @Test
  void everyAppliedFieldIsStoredAndTheOwnerIsToldOnce() {
    List<String> u = users("set_all", 2);
    String owner = u.get(0);
    String conversationID = ConversationIds.single(owner, u.get(1));
    send(owner, u.get(1));
    CompletableFuture<List<Notification>> changed = expect(of(NotificationTypes.CONVERSATION_CHANGED, owner), 1);

    assertEmptySuccess(set(token(owner), List.of(owner), single(owner, u.get(1), Map.of("recvMsgOpt", 2,
        "isPinned", true, "attachedInfo", "att", "ex", "ex1", "burnDuration", 30, "groupAtType", 1,
        "msgDestructTime", 3600, "isMsgDestruct", true, "minSeq", 7, "maxSeq", 9))));

    JsonNode record = record(owner, conversationID);
    assertThat(record.get("recvMsgOpt").asInt()).isEqualTo(2);
    assertThat(record.get("isPinned").asBoolean()).isTrue();
    assertThat(record.get("attachedInfo").asString()).isEqualTo("att");
    assertThat(record.get("ex").asString()).isEqualTo("ex1");
    assertThat(record.get("burnDuration").asInt()).isEqualTo(30);
    assertThat(record.get("groupAtType").asInt()).isEqualTo(1);
    assertThat(record.get("msgDestructTime").asLong()).isEqualTo(3600);
    assertThat(record.get("isMsgDestruct").asBoolean()).isTrue();
    // minSeq and maxSeq are ignored (§6.5).
    assertThat(record.get("minSeq").asLong()).isZero();
    assertThat(record.get("maxSeq").asLong()).isZero();
    Notification notification = received(changed).get(0);
    assertThat(notification.sendID()).isEqualTo(owner);
    assertThat(notification.sessionType()).isEqualTo(Notification.SINGLE_CHAT);
    ConversationUpdateTips tips = (ConversationUpdateTips) notification.tips();
    assertThat(tips.getUserID()).isEqualTo(owner);
    assertThat(tips.getConversationIDListList()).containsExactly(conversationID);
    // The peer's record is untouched.
    assertThat(record(u.get(1), conversationID).get("isPinned").asBoolean()).isFalse();
  }

  /**
   * The send right after a set_conversations answer honours the receiver's new recvMsgOpt (spec/api-msg.md §11.6),
   * though the send before it had the old record cached: the write drops the cached record before it answers.
   */
  @Test
  void theSendRightAfterASetAnswerHonoursTheNewReceiveOption() {
    List<String> u = users("set_race", 2);
    String receiver = u.get(0);
    String sender = u.get(1);
    send(sender, receiver);
    for (int round = 0; round < 20; round++) {
      set(receiver, single(receiver, sender, Map.of("recvMsgOpt", 1)));
      assertError(trySend(sender, receiver, 0), 1001, "message is not sent");
      set(receiver, single(receiver, sender, Map.of("recvMsgOpt", 0)));
      assertThat(trySend(sender, receiver, 0).errCode()).as("round %d", round).isZero();
    }
  }

  /**
   * What the test above cannot force over HTTP, where the window is a thread switch: whatever runs once the store's
   * update answered reads the new record, with the old one cached before.
   */
  @Test
  void theStoreDropsTheCachedRecordBeforeItAnswers() {
    List<String> u = users("set_store", 2);
    String owner = u.get(0);
    String conversationID = ConversationIds.single(owner, u.get(1));
    set(owner, single(owner, u.get(1), Map.of("isPinned", true)));
    StepVerifier.create(store.find(owner, conversationID).map(Conversation::getRecvMsgOpt))
        .expectNext(0)
        .verifyComplete();

    StepVerifier.create(store.update(List.of(owner), conversationID, Updates.set("recvMsgOpt", 1))
            .then(store.find(owner, conversationID).map(Conversation::getRecvMsgOpt)))
        .expectNext(1)
        .verifyComplete();
  }

  @Test
  void aMissingRecordIsCreatedWithTheRequestsValuesAndDefaults() {
    List<String> u = users("set_new", 2);
    String owner = u.get(0);
    String conversationID = ConversationIds.single(owner, u.get(1));

    set(owner, single(owner, u.get(1), Map.of("isPinned", true)));

    JsonNode created = record(owner, conversationID);
    assertThat(created.get("conversationType").asInt()).isEqualTo(1);
    assertThat(created.get("userID").asString()).isEqualTo(u.get(1));
    assertThat(created.get("isPinned").asBoolean()).isTrue();
    assertThat(created.get("latestMsgDestructTime").asLong()).isEqualTo(NEVER);
    assertThat(conversationIDs(owner)).containsExactly(conversationID);
    assertThat(conversationIDs(u.get(1))).isEmpty();
  }

  @Test
  void onlyOwnersWhoseValuesChangeAreUpdatedAndNotified() {
    List<String> u = users("set_many", 3);
    String groupID = groups().create(u.get(0),
        Map.of(u.get(1), GroupDirectory.ROLE_ORDINARY, u.get(2), GroupDirectory.ROLE_ORDINARY));
    sendToGroup(u.get(0), groupID);
    Map<String, Object> group = Map.of("conversationID", ConversationIds.group(groupID), "conversationType", 3,
        "groupID", groupID, "recvMsgOpt", 2);
    set(u.get(1), group);
    List<Notification> changes = collect(n -> n.contentType() == NotificationTypes.CONVERSATION_CHANGED
        && u.contains(n.recvID()));

    assertEmptySuccess(set(api.adminToken(), u, group));

    assertThat(changes).extracting(Notification::recvID).containsExactlyInAnyOrder(u.get(0), u.get(2));
    for (String member : u) {
      assertThat(record(member, ConversationIds.group(groupID)).get("recvMsgOpt").asInt()).isEqualTo(2);
    }
  }

  @Test
  void aRequestThatChangesNothingNotifiesNobody() {
    List<String> u = users("set_same", 2);
    set(u.get(0), single(u.get(0), u.get(1), Map.of("isPinned", true)));
    List<Notification> seen = collect(n -> n.recvID().equals(u.get(0)));

    set(u.get(0), single(u.get(0), u.get(1), Map.of("isPinned", true)));
    set(u.get(0), single(u.get(0), u.get(1), Map.of("minSeq", 5)));
    set(u.get(0), single(u.get(0), u.get(1), Map.of()));
    assertThat(seen).isEmpty();

    set(u.get(0), single(u.get(0), u.get(1), Map.of("ex", "last")));
    assertThat(seen).hasSize(1);
    assertThat(record(u.get(0), ConversationIds.single(u.get(0), u.get(1))).get("ex").asString()).isEqualTo("last");
  }

  @Test
  void privateChatIsSetOnBothPeersRecordsAndTheOwnerTellsThePeer() {
    List<String> u = users("set_private", 2);
    String owner = u.get(0);
    String peer = u.get(1);
    String conversationID = ConversationIds.single(owner, peer);
    CompletableFuture<List<Notification>> told = expect(of(NotificationTypes.CONVERSATION_PRIVATE_CHAT, peer), 1);

    set(owner, single(owner, peer, Map.of("isPrivateChat", true, "burnDuration", 10)));

    assertThat(record(owner, conversationID).get("isPrivateChat").asBoolean()).isTrue();
    assertThat(record(owner, conversationID).get("burnDuration").asInt()).isEqualTo(10);
    JsonNode peers = record(peer, conversationID);
    assertThat(peers.get("isPrivateChat").asBoolean()).isTrue();
    assertThat(peers.get("userID").asString()).isEqualTo(owner);
    assertThat(peers.get("burnDuration").asInt()).isZero();
    Notification notification = received(told).get(0);
    assertThat(notification.sendID()).isEqualTo(owner);
    ConversationSetPrivateTips tips = (ConversationSetPrivateTips) notification.tips();
    assertThat(List.of(tips.getSendID(), tips.getRecvID(), tips.getConversationID()))
        .containsExactly(owner, peer, conversationID);
    assertThat(tips.getIsPrivate()).isTrue();
    // Its chat copy is a stored message of the single chat.
    eventually(() -> api.ok(NEWEST_SEQ, token(peer), Map.of("userID", peer)).path("maxSeqs")
        .path(conversationID).asLong() == 1);

    CompletableFuture<List<Notification>> again = expect(of(NotificationTypes.CONVERSATION_PRIVATE_CHAT, peer), 1);
    set(owner, single(owner, peer, Map.of("isPrivateChat", true)));
    assertThat(((ConversationSetPrivateTips) received(again).get(0).tips()).getIsPrivate()).isTrue();
  }

  @Test
  void privateChatIsIgnoredForGroups() {
    List<String> u = users("set_private_group", 2);
    String groupID = groups().create(u.get(0), Map.of(u.get(1), GroupDirectory.ROLE_ORDINARY));

    set(u.get(0), Map.of("conversationID", ConversationIds.group(groupID), "conversationType", 3, "groupID", groupID,
        "isPrivateChat", true));

    assertThat(conversationIDs(u.get(0))).isEmpty();
  }

  @Test
  void theChecksComeBeforeThePermissionAndEveryOwnerMustBeTheCaller() {
    List<String> u = users("set_check", 2);
    String token = token(u.get(0));
    Map<String, Object> ok = single(u.get(0), u.get(1), Map.of("isPinned", true));

    assertError(api.post(SET, token, Map.of("conversation", ok)), 1001, "userID is empty");
    assertError(api.post(SET, token, Map.of("userIDs", List.of(u.get(0)))), 1001, "conversation is empty");
    assertError(set(token, List.of(u.get(1)), without(ok, "conversationType")), 1001, "conversationType is invalid");
    assertError(set(token, List.of(u.get(1)), without(ok, "userID")), 1001, "userID is empty");
    assertError(set(token, List.of(u.get(1)), Map.of("conversationID", "sg_x", "conversationType", 3)), 1001,
        "groupID is empty");
    assertError(set(token, List.of(u.get(0), u.get(1)), ok), 1002, u.get(1));
    assertThat(conversationIDs(u.get(0))).isEmpty();

    assertEmptySuccess(set(api.adminToken(), List.of(u.get(1)), single(u.get(1), u.get(0), Map.of("ex", "x"))));
    assertThat(record(u.get(1), ConversationIds.single(u.get(0), u.get(1))).get("ex").asString()).isEqualTo("x");
  }

  @Test
  void aLegacyGroupConversationNeedsALiveGroup() {
    List<String> u = users("set_legacy", 1);
    String groupID = groups().create(u.get(0), Map.of());
    Map<String, Object> legacy = Map.of("conversationID", "g_" + groupID, "conversationType", 2, "groupID", groupID,
        "isPinned", true);

    assertError(set(token(u.get(0)), List.of(u.get(0)), Map.of("conversationID", "g_none", "conversationType", 2,
        "groupID", "none_" + groupID, "isPinned", true)), 1004, "not found");
    set(u.get(0), legacy);
    assertThat(record(u.get(0), "g_" + groupID).get("conversationType").asInt()).isEqualTo(2);
    groups().setStatus(groupID, GroupDirectory.STATUS_DISMISSED);
    assertError(set(token(u.get(0)), List.of(u.get(0)), legacy), 1204, "dismissed");
  }

  private static Map<String, Object> without(Map<String, Object> conversation, String key) {
    Map<String, Object> copy = new HashMap<>(conversation);
    copy.remove(key);
    return copy;
  }
}
