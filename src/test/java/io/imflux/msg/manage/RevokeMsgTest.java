package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.MessageStore.Revocation;
import io.imflux.cluster.PushRouter.Push;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.notification.Notification;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.RevokeMsgTips;
import io.imflux.testing.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /msg/revoke_msg} (spec/api-msg.md §7, our decision Q10). */
class RevokeMsgTest extends ManageRouteTest {

  private static Map<String, Object> revoke(String conversationID, long seq, String userID) {
    return Map.of("conversationID", conversationID, "seq", seq, "userID", userID);
  }

  @Test
  void theSenderRevokesAndThePeerIsToldInTheStoredNotificationConversation() throws Exception {
    String[] u = users("rv", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    MsgData original = store.find(conversationID, List.of(seq)).blockFirst(WAIT).msg();
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSG_REVOKED, u[1]));
    CompletableFuture<Push> pushed = pushes.pushes()
        .filter(push -> push.msg().getContentType() == 2101 && push.msg().getRecvID().equals(u[1]))
        .next().timeout(WAIT).toFuture();
    long before = System.currentTimeMillis();

    assertEmptySuccess(api.post(REVOKE, token(u[0]), revoke(conversationID, seq, u[0])));

    Revocation revocation = store.find(conversationID, List.of(seq)).blockFirst(WAIT).revocation();
    assertThat(revocation).isNotNull();
    assertThat(revocation.userID()).isEqualTo(u[0]);
    assertThat(revocation.nickname()).isEqualTo(u[0]);
    assertThat(revocation.role()).isZero();
    assertThat(revocation.time()).isBetween(before, System.currentTimeMillis());
    MsgData seen = reader.read(u[1], conversationID, List.of(seq)).blockFirst(WAIT);
    assertThat(seen.getContentType()).isEqualTo(MessageReader.CONTENT_REVOKED);

    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(u[0]);
    assertThat(notification.sessionType()).isEqualTo(ConversationIds.SINGLE_CHAT);
    assertThat(notification.stored()).isTrue();
    assertThat(notification.tips()).isEqualTo(RevokeMsgTips.newBuilder()
        .setRevokerUserID(u[0])
        .setClientMsgID(original.getClientMsgID())
        .setRevokeTime(revocation.time())
        .setSesstionType(ConversationIds.SINGLE_CHAT)
        .setSeq(seq)
        .setConversationID(conversationID)
        .setIsAdminRevoke(false)
        .build());
    Push push = pushed.get(10, TimeUnit.SECONDS);
    assertThat(push.conversationID()).isEqualTo(ConversationIds.notificationTwin(conversationID));
    assertThat(push.msg().getSeq()).isPositive();
    assertThat(push.userIDs()).containsExactlyInAnyOrder(u[0], u[1]);
  }

  @Test
  void aRevokedMessageCannotBeRevokedAgain() {
    String[] u = users("rv_twice", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    String token = token(u[0]);
    api.ok(REVOKE, token, revoke(conversationID, seq, u[0]));

    assertError(api.post(REVOKE, token, revoke(conversationID, seq, u[0])), 1404, "msg already revoke");
    assertThat(api.post(REVOKE, token, revoke(conversationID, seq, u[0])).json().get("errMsg").asString())
        .isEqualTo("MsgAlreadyRevoke");
  }

  @Test
  void onlyTheSenderMayRevokeInSingleChat() {
    String[] u = users("rv_peer", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);

    assertError(api.post(REVOKE, token(u[1]), revoke(conversationID, seq, u[1])), 1002, "sender");
    assertError(api.post(REVOKE, token(u[1]), revoke(conversationID, seq, u[0])), 1002, u[1]);
    assertThat(store.find(conversationID, List.of(seq)).blockFirst(WAIT).revocation()).isNull();
  }

  @Test
  void theCheckRulesComeFirst() {
    String[] u = users("rv_check", 1);
    String token = token(u[0]);

    // Before the access check: another user's ID with a bad field is still 1001.
    assertError(api.post(REVOKE, token, revoke("", 1, "someone_else")), 1001, "conversationID is empty");
    assertError(api.post(REVOKE, token, revoke("si_a_b", 0, u[0])), 1001, "seq is invalid");
    assertError(api.post(REVOKE, token, revoke("si_a_b", -3, u[0])), 1001, "seq is invalid");
    assertError(api.post(REVOKE, token, revoke("si_a_b", 1, "")), 1001, "userID is empty");
    assertError(api.post(REVOKE, token, "{\"conversationID\":\"si_a_b\",\"seq\":1}"), 1001, "userID is empty");
  }

  @Test
  void seqsOutsideTheVisibleWindowAndEmptySlotsAreNotFoundForEveryone() {
    String[] u = users("rv_window", 2);
    send(u[0], u[1]);
    long second = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    String token = token(u[0]);

    assertError(api.post(REVOKE, token, revoke(conversationID, second + 1, u[0])), 1004, "msg not found");
    assertError(api.post(REVOKE, api.adminToken(), revoke(conversationID, 99, u[0])), 1004, "msg not found");

    // An erased slot reads as a placeholder: 1004 for the user and for an admin alike (Q10).
    store.erase(conversationID, List.of(second)).block(WAIT);
    assertError(api.post(REVOKE, token, revoke(conversationID, second, u[0])), 1004, "msg not found");
    assertError(api.post(REVOKE, api.adminToken(), revoke(conversationID, second, u[0])), 1004, "msg not found");

    // Below the user's own min seq after clearing the conversation for themselves; the peer still sees the message.
    api.ok(CLEAR, token, Map.of("conversationIDs", List.of(conversationID), "userID", u[0]));
    assertError(api.post(REVOKE, token, revoke(conversationID, 1, u[0])), 1004, "msg not found");
    assertError(api.post(REVOKE, token(u[1]), revoke(conversationID, 1, u[1])), 1002, "sender");
  }

  @Test
  void anAdminRevokesAnyMessageAsAThirdPartyAndTheNoticeStaysInTheConversation() throws Exception {
    String[] u = users("rv_admin", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSG_REVOKED, u[1]));

    assertEmptySuccess(api.post(REVOKE, api.adminToken(), revoke(conversationID, seq, ApiClient.ADMIN_ID)));

    Revocation revocation = store.find(conversationID, List.of(seq)).blockFirst(WAIT).revocation();
    assertThat(revocation.userID()).isEqualTo(ApiClient.ADMIN_ID);
    assertThat(revocation.role()).isZero();
    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(u[0]);
    RevokeMsgTips tips = (RevokeMsgTips) notification.tips();
    assertThat(tips.getRevokerUserID()).isEqualTo(ApiClient.ADMIN_ID);
    assertThat(tips.getIsAdminRevoke()).isTrue();
  }

  @Test
  void theReceiverActingThroughAnAdminNotifiesTheSender() throws Exception {
    String[] u = users("rv_recv", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSG_REVOKED, u[0]));

    api.ok(REVOKE, api.adminToken(), revoke(conversationID, seq, u[1]));

    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(u[1]);
    assertThat(((RevokeMsgTips) notification.tips()).getRevokerUserID()).isEqualTo(ApiClient.ADMIN_ID);
  }

  @Test
  void inAGroupTheOwnerAndAdminsRevokeOthersByRank() throws Exception {
    String[] u = users("rv_grp", 5);
    String owner = u[0];
    String admin = u[1];
    String otherAdmin = u[2];
    String member = u[3];
    String leaver = u[4];
    String groupID = group(owner, Map.of(admin, GroupDirectory.ROLE_ADMIN,
        otherAdmin, GroupDirectory.ROLE_ADMIN, member, GroupDirectory.ROLE_ORDINARY,
        leaver, GroupDirectory.ROLE_ORDINARY));
    String conversationID = ConversationIds.group(groupID);
    long byMember = sendToGroup(member, groupID);
    long byOtherAdmin = sendToGroup(otherAdmin, groupID);
    long byOwner = sendToGroup(owner, groupID);
    long byLeaver = sendToGroup(leaver, groupID);
    long byMember2 = sendToGroup(member, groupID);
    leave(groupID, leaver);

    assertError(api.post(REVOKE, token(member), revoke(conversationID, byOwner, member)), 1002,
        "no permission");
    assertError(api.post(REVOKE, token(admin), revoke(conversationID, byOtherAdmin, admin)), 1002,
        "no permission");
    assertError(api.post(REVOKE, token(admin), revoke(conversationID, byOwner, admin)), 1002,
        "no permission");
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSG_REVOKED, groupID));
    api.ok(REVOKE, token(admin), revoke(conversationID, byMember, admin));
    api.ok(REVOKE, token(admin), revoke(conversationID, byLeaver, admin));
    api.ok(REVOKE, token(owner), revoke(conversationID, byOtherAdmin, owner));
    api.ok(REVOKE, token(member), revoke(conversationID, byMember2, member));

    assertThat(role(conversationID, byMember)).isEqualTo(GroupDirectory.ROLE_ADMIN);
    assertThat(role(conversationID, byLeaver)).isEqualTo(GroupDirectory.ROLE_ADMIN);
    assertThat(role(conversationID, byOtherAdmin)).isEqualTo(GroupDirectory.ROLE_OWNER);
    assertThat(role(conversationID, byMember2)).isEqualTo(GroupDirectory.ROLE_ORDINARY);
    assertThat(store.find(conversationID, List.of(byOwner)).blockFirst(WAIT).revocation()).isNull();
    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(admin);
    assertThat(notification.sessionType()).isEqualTo(ConversationIds.GROUP_CHAT);
    assertThat(notification.stored()).isTrue();
    assertThat(((RevokeMsgTips) notification.tips()).getSesstionType()).isEqualTo(ConversationIds.GROUP_CHAT);
  }

  @Test
  void someoneOutsideTheGroupCannotRevokeInIt() {
    String[] u = users("rv_out", 2);
    String groupID = group(u[0], Map.of());
    long seq = sendToGroup(u[0], groupID);

    assertError(api.post(REVOKE, token(u[1]), revoke(ConversationIds.group(groupID), seq, u[1])), 1002,
        "no permission");
  }

  @Test
  void aMemberWhoLeftMayStillRevokeTheirOwnMessage() {
    String[] u = users("rv_left", 2);
    String groupID = group(u[0], Map.of(u[1], GroupDirectory.ROLE_ORDINARY));
    long seq = sendToGroup(u[1], groupID);
    leave(groupID, u[1]);

    api.ok(REVOKE, token(u[1]), revoke(ConversationIds.group(groupID), seq, u[1]));
    assertThat(role(ConversationIds.group(groupID), seq)).isZero();
  }

  @Test
  void anUnknownUserIsNotFound() {
    assertError(api.post(REVOKE, api.adminToken(), revoke("si_a_b", 1, ApiClient.uniqueId("rv_nobody"))), 1003,
        "user not found");
  }

  private int role(String conversationID, long seq) {
    return store.find(conversationID, List.of(seq)).blockFirst(WAIT).revocation().role();
  }
}
