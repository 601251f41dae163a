package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.ADD_FRIEND;
import static io.imflux.friend.FriendCalls.DELETE;
import static io.imflux.friend.FriendCalls.IMPORT;
import static io.imflux.friend.FriendCalls.REMARK;
import static io.imflux.friend.FriendCalls.REMOVE_BLACK;
import static io.imflux.friend.FriendCalls.RESPOND;
import static io.imflux.friend.FriendCalls.UPDATE;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.PushRouter.Push;
import io.imflux.cluster.memory.LocalPushRouter;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.Disposable;
import tools.jackson.databind.JsonNode;

/**
 * Every friend notification (spec/notifications.md §4.3, spec/api-friend.md "Notifications"), observed where the
 * gateway takes it: the push, with its conversation, its recipients and its tips.
 */
@ImfluxTest
class FriendNotificationsTest {

  @LocalServerPort
  int port;

  @Autowired
  LocalPushRouter router;

  FriendCalls calls;
  final List<Push> pushes = new CopyOnWriteArrayList<>();
  Disposable watch;

  @BeforeEach
  void watch() {
    calls = new FriendCalls(new ApiClient(port));
    watch = router.pushes().subscribe(pushes::add);
  }

  @AfterEach
  void stop() {
    watch.dispose();
  }

  @Test
  void anApplicationReachesBothUsersWithTheRequest() {
    List<String> users = calls.users("fn", 2);
    String a = users.get(0);
    String b = users.get(1);
    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b, "reqMsg", "hi <3"));

    Push push = notification(1203, a, b);
    assertThat(push.conversationID()).isEqualTo("n_" + pair(a, b));
    assertThat(push.userIDs()).isEqualTo(Set.of(a, b));
    assertThat(push.msg().getSeq()).isZero();
    assertThat(push.msg().getMsgFrom()).isEqualTo(200);
    assertThat(push.msg().getSessionType()).isEqualTo(1);
    JsonNode tips = tips(push);
    assertThat(keys(tips)).containsExactly("fromToUserID", "request");
    assertThat(tips.get("fromToUserID").toString())
        .isEqualTo("{\"fromUserID\":\"" + a + "\",\"toUserID\":\"" + b + "\"}");
    assertThat(tips.get("request").get("reqMsg").asString()).isEqualTo("hi <3");
    assertThat(tips.get("request").get("fromNickname").asString()).isEqualTo(a);
    assertThat(tips.get("request").get("handleResult").asInt()).isZero();
    // config/notification.yml, friendApplicationAdded: offline push on, the reference's texts.
    assertThat(push.msg().getOfflinePushInfo().getTitle()).isEqualTo("Somebody applies to add you as a friend");
    assertThat(push.msg().getOfflinePushInfo().getDesc()).isEqualTo("Somebody applies to add you as a friend");
    assertThat(push.msg().getOfflinePushInfo().getEx()).isEqualTo("Somebody applies to add you as a friend");
    assertThat(push.msg().getOptionsMap()).containsEntry("offlinePush", true).containsEntry("isSendMsg", false);
  }

  @Test
  void anAcceptanceIsNotifiedAndStoredAsTheFirstMessageOfTheirChat() {
    List<String> users = calls.users("fn", 2);
    String a = users.get(0);
    String b = users.get(1);
    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b));
    calls.ok(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1, "handleMsg", "ok"));

    Push push = notification(1201, b, a);
    assertThat(push.conversationID()).isEqualTo("n_" + pair(a, b));
    assertThat(push.userIDs()).isEqualTo(Set.of(a, b));
    JsonNode tips = tips(push);
    assertThat(keys(tips))
        .containsExactly("fromToUserID", "handleMsg", "friendVersion", "friendVersionID", "request");
    assertThat(tips.get("fromToUserID").get("fromUserID").asString()).isEqualTo(a);
    assertThat(tips.get("fromToUserID").get("toUserID").asString()).isEqualTo(b);
    assertThat(tips.get("handleMsg").asString()).isEqualTo("ok");
    assertThat(tips.get("friendVersion").asLong()).isZero();
    assertThat(tips.get("friendVersionID").asString()).isEmpty();
    assertThat(tips.get("request").get("handleResult").asInt()).isEqualTo(1);
    assertThat(tips.get("request").get("handlerUserID").asString()).isEqualTo(b);

    // isSendMsg: a chat copy with seq 1 in si_, which both can pull.
    String chat = ConversationIds.single(a, b);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pushes.stream()
        .anyMatch(p -> p.conversationID().equals(chat) && p.msg().getContentType() == 1201));
    for (String user : users) {
      JsonNode pulled = calls.ok("/msg/pull_msg_by_seq", user, Map.of("userID", user, "seqRanges", List.of(
          Map.of("conversationID", chat, "begin", 1, "end", 1, "num", 1)))).get("msgs").get(chat).get("Msgs");
      assertThat(pulled.values()).hasSize(1);
      assertThat(pulled.get(0).get("contentType").asInt()).isEqualTo(1201);
      assertThat(pulled.get(0).get("sendID").asString()).isEqualTo(b);
      assertThat(new String(Base64.getDecoder().decode(pulled.get(0).get("content").asString())))
          .isEqualTo(push.msg().getContent().toStringUtf8());
    }
  }

  @Test
  void aRefusalGoesFromTheResponderToTheApplicant() {
    List<String> users = calls.users("fn", 2);
    String a = users.get(0);
    String b = users.get(1);
    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b));
    calls.ok(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", -1, "handleMsg", "no"));

    Push push = notification(1202, b, a);
    assertThat(push.userIDs()).isEqualTo(Set.of(a, b));
    JsonNode tips = tips(push);
    assertThat(keys(tips)).containsExactly("fromToUserID", "handleMsg", "request");
    assertThat(tips.get("fromToUserID").get("fromUserID").asString()).isEqualTo(a);
    assertThat(tips.get("handleMsg").asString()).isEqualTo("no");
    assertThat(tips.get("request").get("handleResult").asInt()).isEqualTo(-1);
  }

  @Test
  void deletionsRemarksAndFieldUpdatesAreNotified() {
    List<String> users = calls.users("fn", 2);
    String owner = users.get(0);
    String friend = users.get(1);
    calls.befriend(owner, friend);
    calls.ok(REMARK, owner, Map.of("ownerUserID", owner, "friendUserID", friend, "remark", "r"));
    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(friend), "isPinned", true));
    calls.ok(DELETE, owner, Map.of("ownerUserID", owner, "friendUserID", friend));

    Push remark = notification(1206, owner, friend);
    assertThat(remark.userIDs()).isEqualTo(Set.of(owner, friend));
    assertThat(detail(remark)).isEqualTo("{\"fromToUserID\":{\"fromUserID\":\"" + owner + "\",\"toUserID\":\""
        + friend + "\"},\"friendVersion\":0,\"friendVersionID\":\"\",\"friendSortVersion\":0}");

    Push updated = notification(1210, owner, owner);
    assertThat(updated.conversationID()).isEqualTo(ConversationIds.self(owner));
    assertThat(updated.userIDs()).isEqualTo(Set.of(owner));
    assertThat(detail(updated)).isEqualTo("{\"fromToUserID\":{\"fromUserID\":\"\",\"toUserID\":\"" + owner
        + "\"},\"friendIDs\":[\"" + friend + "\"],\"friendVersion\":0,\"friendVersionID\":\"\"}");

    Push deleted = notification(1205, owner, friend);
    assertThat(deleted.userIDs()).isEqualTo(Set.of(owner, friend));
    assertThat(detail(deleted)).isEqualTo("{\"fromToUserID\":{\"fromUserID\":\"" + owner + "\",\"toUserID\":\""
        + friend + "\"},\"friendVersion\":0,\"friendVersionID\":\"\"}");
  }

  @Test
  void blacklistChangesReachOnlyTheOwnersDevices() {
    List<String> users = calls.users("fn", 2);
    String owner = users.get(0);
    String blocked = users.get(1);
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", blocked));
    calls.ok(REMOVE_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", blocked));

    // imflux's privacy decision (spec/notifications.md §4.3): the blocked user is not told.
    for (int type : List.of(1207, 1208)) {
      Push push = notification(type, owner, owner);
      assertThat(push.userIDs()).isEqualTo(Set.of(owner));
      assertThat(push.conversationID()).isEqualTo(ConversationIds.self(owner));
      assertThat(detail(push)).isEqualTo("{\"fromToUserID\":{\"fromUserID\":\"" + owner + "\",\"toUserID\":\""
          + blocked + "\"}}");
    }
    assertThat(pushes).noneMatch(p -> p.userIDs().contains(blocked));
  }

  @Test
  void anImportTellsTheOwnerOnceForEveryFriend() {
    List<String> users = calls.users("fn", 3);
    String owner = users.get(0);
    calls.client.ok(IMPORT, calls.client.adminToken(), Map.of("ownerUserID", owner,
        "friendUserIDs", users.subList(1, 3)));

    for (String friend : users.subList(1, 3)) {
      Push push = notification(1201, friend, owner);
      assertThat(push.userIDs()).isEqualTo(Set.of(owner, friend));
      assertThat(detail(push)).isEqualTo("{\"fromToUserID\":{\"fromUserID\":\"" + owner + "\",\"toUserID\":\""
          + friend + "\"},\"handleMsg\":\"\",\"friendVersion\":0,\"friendVersionID\":\"\",\"request\":null}");
    }
  }

  @Test
  void aNewNicknameIsAnnouncedToEveryFriendFromWhoeverChangedIt() {
    List<String> users = calls.users("fn", 3);
    String changed = users.get(0);
    calls.befriend(changed, users.get(1));
    calls.befriend(users.get(2), changed);
    calls.client.ok("/user/update_user_info_ex", calls.client.adminToken(),
        Map.of("userInfo", Map.of("userID", changed, "nickname", "Trinity")));

    for (String friend : users.subList(1, 3)) {
      Push push = notification(1209, ApiClient.ADMIN_ID, friend);
      assertThat(push.userIDs()).isEqualTo(Set.of(ApiClient.ADMIN_ID, friend));
      assertThat(detail(push)).isEqualTo("{\"userID\":\"" + changed + "\"}");
    }
  }

  /** The one push of a notification type between two users, waited for: delivery is asynchronous. */
  private Push notification(int contentType, String sendID, String recvID) {
    Predicate<Push> wanted = p -> p.notification() && p.msg().getContentType() == contentType
        && p.msg().getSendID().equals(sendID) && p.msg().getRecvID().equals(recvID);
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> pushes.stream().anyMatch(wanted));
    List<Push> found = pushes.stream().filter(wanted).toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static String detail(Push push) {
    return ApiClient.JSON.readTree(push.msg().getContent().toStringUtf8()).get("detail").asString();
  }

  private static JsonNode tips(Push push) {
    return ApiClient.JSON.readTree(detail(push));
  }

  private static String pair(String a, String b) {
    return ConversationIds.single(a, b).substring(3);
  }
}
