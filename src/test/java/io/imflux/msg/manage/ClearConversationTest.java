package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.SeqAllocator.UserSeq;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.sdkws.ClearConversationTips;
import io.imflux.proto.sdkws.ConversationUpdateTips;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /msg/clear_conversation_msg} and {@code /msg/user_clear_all_msg} (spec/api-msg.md §9.1, §9.2, Q12). */
class ClearConversationTest extends ManageRouteTest {

  private static Map<String, Object> clear(List<String> conversationIDs, String userID, boolean syncSelf,
      boolean syncOther) {
    return Map.of("conversationIDs", conversationIDs, "userID", userID,
        "deleteSyncOpt", Map.of("IsSyncSelf", syncSelf, "IsSyncOther", syncOther));
  }

  @Test
  void clearingForOneselfCutsTheUsersViewAndRecordAndReadsEverything() throws Exception {
    String[] u = users("cl_self", 2);
    send(u[0], u[1]);
    send(u[0], u[1]);
    long max = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    CompletableFuture<Notification> changed = next(of(NotificationTypes.CONVERSATION_CHANGED, u[1]));
    CompletableFuture<Notification> cleared = next(of(ManageNotifier.CLEAR_CONVERSATION, u[1]));

    // The receiver clears; a conversation they do not have is ignored.
    assertEmptySuccess(api.post(CLEAR, token(u[1]),
        clear(List.of("si_not_mine", conversationID), u[1], true, false)));

    assertThat(seqs.user(u[1], conversationID).block(WAIT)).isEqualTo(new UserSeq(max + 1, 0, max));
    assertThat(conversations.find(u[1], conversationID).block(WAIT).getMinSeq()).isEqualTo(max + 1);
    MessageReader.Window window = reader.window(u[1], conversationID).block(WAIT);
    assertThat(window.upper()).isLessThan(window.lower());
    assertThat(reader.window(u[0], conversationID).block(WAIT).contains(1)).isTrue();
    assertThat(seqs.conversation(conversationID).block(WAIT).minSeq()).isZero();

    Notification change = changed.get(10, TimeUnit.SECONDS);
    assertThat(change.sendID()).isEqualTo(u[1]);
    assertThat(change.stored()).isFalse();
    assertThat(change.tips()).isEqualTo(ConversationUpdateTips.newBuilder()
        .setUserID(u[1]).addConversationIDList(conversationID).build());
    Notification clear = cleared.get(10, TimeUnit.SECONDS);
    assertThat(clear.sendID()).isEqualTo(u[1]);
    assertThat(clear.sessionType()).isEqualTo(ConversationIds.SINGLE_CHAT);
    assertThat(clear.stored()).isFalse();
    assertThat(clear.tips()).isEqualTo(ClearConversationTips.newBuilder()
        .setUserID(u[1]).addConversationIDs(conversationID).build());
  }

  @Test
  void clearingForEveryoneRaisesTheConversationsMinSeqAndTellsThePeer() throws Exception {
    String[] u = users("cl_all", 2);
    send(u[0], u[1]);
    long max = send(u[1], u[0]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    CompletableFuture<Notification> cleared = next(of(ManageNotifier.CLEAR_CONVERSATION, u[1]));

    api.ok(CLEAR, token(u[0]), clear(List.of(conversationID), u[0], false, true));

    assertThat(seqs.conversation(conversationID).block(WAIT).minSeq()).isEqualTo(max + 1);
    assertThat(reader.window(u[1], conversationID).block(WAIT).contains(max)).isFalse();
    assertThat(seqs.user(u[0], conversationID).block(WAIT)).isEqualTo(new UserSeq(0, 0, max));
    Notification clear = cleared.get(10, TimeUnit.SECONDS);
    assertThat(clear.sendID()).isEqualTo(u[0]);
    assertThat(clear.stored()).isFalse();
    assertThat(clear.tips()).isEqualTo(ClearConversationTips.newBuilder()
        .setUserID(u[0]).addConversationIDs(conversationID).build());
  }

  @Test
  void anOrdinaryMemberCannotClearAGroupForEveryoneAndNothingIsCleared() {
    String[] u = users("cl_grp", 3);
    String groupID = group(u[0], Map.of(u[1], GroupDirectory.ROLE_ADMIN, u[2], GroupDirectory.ROLE_ORDINARY));
    long max = sendToGroup(u[2], groupID);
    String groupConversation = ConversationIds.group(groupID);
    send(u[2], u[0]);
    String single = ConversationIds.single(u[0], u[2]);

    assertError(api.post(CLEAR, token(u[2]), clear(List.of(single, groupConversation), u[2], false, true)),
        1002, groupConversation);
    assertError(api.post(CLEAR_ALL, token(u[2]),
        Map.of("userID", u[2], "deleteSyncOpt", Map.of("IsSyncOther", true))), 1002, groupConversation);
    assertThat(seqs.conversation(groupConversation).block(WAIT).minSeq()).isZero();
    assertThat(seqs.conversation(single).block(WAIT).minSeq()).isZero();

    // Clearing for oneself stays open to every member.
    api.ok(CLEAR, token(u[2]), clear(List.of(groupConversation), u[2], false, false));
    assertThat(seqs.user(u[2], groupConversation).block(WAIT).minSeq()).isEqualTo(max + 1);
  }

  @Test
  void aGroupAdminAndAnAppAdminClearAGroupForEveryone() throws Exception {
    String[] u = users("cl_grp_admin", 3);
    String groupID = group(u[0], Map.of(u[1], GroupDirectory.ROLE_ADMIN, u[2], GroupDirectory.ROLE_ORDINARY));
    String conversationID = ConversationIds.group(groupID);
    long first = sendToGroup(u[2], groupID);
    CompletableFuture<Notification> cleared = next(of(ManageNotifier.CLEAR_CONVERSATION, groupID));

    api.ok(CLEAR, token(u[1]), clear(List.of(conversationID), u[1], false, true));
    assertThat(seqs.conversation(conversationID).block(WAIT).minSeq()).isEqualTo(first + 1);
    Notification clear = cleared.get(10, TimeUnit.SECONDS);
    assertThat(clear.sendID()).isEqualTo(u[1]);
    assertThat(clear.sessionType()).isEqualTo(ConversationIds.GROUP_CHAT);

    long second = sendToGroup(u[2], groupID);
    api.ok(CLEAR, api.adminToken(), clear(List.of(conversationID), u[2], false, true));
    assertThat(seqs.conversation(conversationID).block(WAIT).minSeq()).isEqualTo(second + 1);
  }

  @Test
  void clearingAllCutsEveryConversationOfTheUser() throws Exception {
    String[] u = users("cl_every", 3);
    long withB = send(u[0], u[1]);
    send(u[2], u[0]);
    long withC = send(u[2], u[0]);
    String first = ConversationIds.single(u[0], u[1]);
    String second = ConversationIds.single(u[0], u[2]);
    CompletableFuture<Notification> cleared = next(of(ManageNotifier.CLEAR_CONVERSATION, u[0]));

    assertEmptySuccess(api.post(CLEAR_ALL, token(u[0]),
        Map.of("userID", u[0], "deleteSyncOpt", Map.of("IsSyncSelf", true))));

    assertThat(seqs.user(u[0], first).block(WAIT)).isEqualTo(new UserSeq(withB + 1, 0, withB));
    assertThat(seqs.user(u[0], second).block(WAIT)).isEqualTo(new UserSeq(withC + 1, 0, withC));
    assertThat(conversations.find(u[0], second).block(WAIT).getMinSeq()).isEqualTo(withC + 1);
    assertThat(seqs.user(u[2], second).block(WAIT).minSeq()).isZero();
    assertThat(((ClearConversationTips) cleared.get(10, TimeUnit.SECONDS).tips()).getConversationIDsList())
        .containsExactly(first, second);
  }

  @Test
  void theCheckRulesAndTheAccessCheck() {
    String[] u = users("cl_check", 2);
    String token = token(u[0]);

    assertError(api.post(CLEAR, token, Map.of("userID", "someone_else")), 1001, "conversationIDs is empty");
    assertError(api.post(CLEAR, token, "{\"conversationIDs\":null,\"userID\":\"" + u[0] + "\"}"), 1001,
        "conversationIDs is empty");
    assertError(api.post(CLEAR, token, Map.of("conversationIDs", List.of())), 1001, "userID is empty");
    assertError(api.post(CLEAR, token, Map.of("conversationIDs", List.of(), "userID", u[1])), 1002, u[0]);
    assertEmptySuccess(api.post(CLEAR, token, Map.of("conversationIDs", List.of(), "userID", u[0])));
    assertError(api.post(CLEAR_ALL, token, "{}"), 1001, "userID is empty");
    assertError(api.post(CLEAR_ALL, token, Map.of("userID", u[1])), 1002, u[0]);
  }
}
