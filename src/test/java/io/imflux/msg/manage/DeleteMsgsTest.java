package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.notification.Notification;
import io.imflux.proto.sdkws.DeleteMsgsTips;
import io.imflux.proto.sdkws.MsgData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code /msg/delete_msgs} (spec/api-msg.md §9.3, our decision Q11). */
class DeleteMsgsTest extends ManageRouteTest {

  private static Map<String, Object> delete(String conversationID, List<Long> seqs, String userID,
      boolean syncSelf, boolean syncOther) {
    return Map.of("conversationID", conversationID, "seqs", seqs, "userID", userID,
        "deleteSyncOpt", Map.of("IsSyncSelf", syncSelf, "IsSyncOther", syncOther));
  }

  @Test
  void aLogicalDeleteHidesTheMessagesFromTheUserAloneAndTellsTheirDevices() throws Exception {
    String[] u = users("dl_self", 2);
    long first = send(u[0], u[1]);
    long second = send(u[1], u[0]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSGS_DELETED, u[0]));

    assertEmptySuccess(api.post(DELETE, token(u[0]),
        delete(conversationID, List.of(first, second), u[0], true, false)));

    List<MsgData> mine = reader.read(u[0], conversationID, List.of(first, second)).collectList().block(WAIT);
    assertThat(mine).allSatisfy(msg -> {
      assertThat(msg.getStatus()).isEqualTo(MessageReader.STATUS_DELETED);
      assertThat(msg.getContent().isEmpty()).isTrue();
    });
    List<MsgData> theirs = reader.read(u[1], conversationID, List.of(first, second)).collectList().block(WAIT);
    assertThat(theirs).allSatisfy(msg -> assertThat(msg.getContent().toStringUtf8()).isEqualTo("{\"content\":\"hi\"}"));
    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(u[0]);
    assertThat(notification.sessionType()).isEqualTo(ConversationIds.SINGLE_CHAT);
    assertThat(notification.stored()).isTrue();
    assertThat(notification.tips()).isEqualTo(DeleteMsgsTips.newBuilder()
        .setUserID(u[0]).setConversationID(conversationID).addSeqs(first).addSeqs(second).build());
  }

  @Test
  void withoutIsSyncSelfNothingIsSentAndAnEmptyListIsFine() throws Exception {
    String[] u = users("dl_quiet", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    String token = token(u[0]);
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSGS_DELETED, u[0]));

    api.ok(DELETE, token, delete(conversationID, List.of(seq), u[0], false, false));
    api.ok(DELETE, token, "{\"conversationID\":\"" + conversationID + "\",\"seqs\":[],\"userID\":\"" + u[0]
        + "\",\"deleteSyncOpt\":null}");
    api.ok(DELETE, token, delete(conversationID, List.of(), u[0], true, false));

    // The first 2102 the user gets is the third request's.
    assertThat(((DeleteMsgsTips) notified.get(10, TimeUnit.SECONDS).tips()).getSeqsList()).isEmpty();
    assertThat(reader.read(u[0], conversationID, List.of(seq)).blockFirst(WAIT).getStatus())
        .isEqualTo(MessageReader.STATUS_DELETED);
  }

  @Test
  void theCheckRulesAndTheAccessCheck() {
    String[] u = users("dl_check", 2);
    String token = token(u[0]);

    assertError(api.post(DELETE, token, delete("", List.of(1L), "someone_else", false, false)), 1001,
        "conversationID is empty");
    assertError(api.post(DELETE, token, delete("si_a_b", List.of(1L), "", false, false)), 1001, "userID is empty");
    assertError(api.post(DELETE, token, "{\"conversationID\":\"si_a_b\",\"userID\":\"" + u[0] + "\"}"), 1001,
        "seqs is empty");
    assertError(api.post(DELETE, token, "{\"conversationID\":\"si_a_b\",\"seqs\":null,\"userID\":\"" + u[0] + "\"}"),
        1001, "seqs is empty");
    assertError(api.post(DELETE, token, delete("si_a_b", List.of(1L), u[1], false, false)), 1002, u[0]);
  }

  @Test
  void deletingForEveryoneErasesOwnMessagesAndTellsThePeer() throws Exception {
    String[] u = users("dl_all", 2);
    long first = send(u[0], u[1]);
    long second = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSGS_DELETED, u[1]));

    assertEmptySuccess(api.post(DELETE, token(u[0]),
        delete(conversationID, List.of(first), u[0], true, true)));

    assertThat(store.find(conversationID, List.of(first, second)).map(StoredMessage::seq).collectList().block(WAIT))
        .containsExactly(second);
    MsgData placeholder = reader.read(u[1], conversationID, List.of(first)).blockFirst(WAIT);
    assertThat(placeholder.getStatus()).isEqualTo(MessageReader.STATUS_DELETED);
    assertThat(placeholder.getSendID()).isEmpty();
    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(u[0]);
    assertThat(notification.sessionType()).isEqualTo(ConversationIds.SINGLE_CHAT);
    assertThat(notification.stored()).isTrue();
    assertThat(notification.tips()).isEqualTo(DeleteMsgsTips.newBuilder()
        .setUserID(u[0]).setConversationID(conversationID).addSeqs(first).build());
  }

  @Test
  void deletingSomeoneElsesMessageForEveryoneIsRefusedAndNothingIsErased() {
    String[] u = users("dl_other", 2);
    long mine = send(u[0], u[1]);
    long theirs = send(u[1], u[0]);
    String conversationID = ConversationIds.single(u[0], u[1]);

    assertError(api.post(DELETE, token(u[0]), delete(conversationID, List.of(mine, theirs), u[0], false, true)),
        1002, "seq " + theirs);

    assertThat(store.find(conversationID, List.of(mine, theirs)).count().block(WAIT)).isEqualTo(2);
  }

  @Test
  void anAppAdminErasesAnyMessageForTheUser() {
    String[] u = users("dl_admin", 2);
    long theirs = send(u[1], u[0]);
    String conversationID = ConversationIds.single(u[0], u[1]);

    api.ok(DELETE, api.adminToken(), delete(conversationID, List.of(theirs), u[0], false, true));

    assertThat(store.find(conversationID, List.of(theirs)).count().block(WAIT)).isZero();
  }

  @Test
  void deletingForEveryoneNeedsTheConversationRecord() {
    String[] u = users("dl_norecord", 3);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);

    assertError(api.post(DELETE, api.adminToken(), delete(conversationID, List.of(seq), u[2], false, true)), 1004,
        "conversation not found");
    assertThat(store.find(conversationID, List.of(seq)).count().block(WAIT)).isEqualTo(1);
  }

  @Test
  void inAGroupAnAdminErasesAMembersMessageButAMemberCannotEraseOthers() throws Exception {
    String[] u = users("dl_grp", 3);
    String groupID = group(u[0], Map.of(u[1], GroupDirectory.ROLE_ADMIN, u[2], GroupDirectory.ROLE_ORDINARY));
    String conversationID = ConversationIds.group(groupID);
    long byOwner = sendToGroup(u[0], groupID);
    long byMember = sendToGroup(u[2], groupID);

    assertError(api.post(DELETE, token(u[2]), delete(conversationID, List.of(byOwner), u[2], false, true)),
        1002, "no permission");
    assertError(api.post(DELETE, token(u[1]), delete(conversationID, List.of(byOwner, byMember), u[1], false,
        true)), 1002, "no permission");
    assertThat(store.find(conversationID, List.of(byOwner, byMember)).count().block(WAIT)).isEqualTo(2);

    CompletableFuture<Notification> notified = next(of(ManageNotifier.MSGS_DELETED, groupID));
    api.ok(DELETE, token(u[1]), delete(conversationID, List.of(byMember), u[1], false, true));

    assertThat(store.find(conversationID, List.of(byOwner, byMember)).map(StoredMessage::seq).collectList()
        .block(WAIT)).containsExactly(byOwner);
    Notification notification = notified.get(10, TimeUnit.SECONDS);
    assertThat(notification.sendID()).isEqualTo(u[1]);
    assertThat(notification.sessionType()).isEqualTo(ConversationIds.GROUP_CHAT);
  }

  @Test
  void aSeqTheUserCannotSeeIsNotTheirsToErase() {
    String[] u = users("dl_window", 2);
    long seq = send(u[0], u[1]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    String token = token(u[0]);
    api.ok(CLEAR, token, Map.of("conversationIDs", List.of(conversationID), "userID", u[0]));

    assertError(api.post(DELETE, token, delete(conversationID, List.of(seq), u[0], false, true)), 1002,
        "not visible");
    assertThat(store.find(conversationID, List.of(seq)).count().block(WAIT)).isEqualTo(1);
  }
}
