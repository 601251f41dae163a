package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.DELETE;
import static io.imflux.friend.FriendCalls.DESIGNATED;
import static io.imflux.friend.FriendCalls.FRIEND_IDS;
import static io.imflux.friend.FriendCalls.FRIEND_INFO_KEYS;
import static io.imflux.friend.FriendCalls.IMPORT;
import static io.imflux.friend.FriendCalls.IS_FRIEND;
import static io.imflux.friend.FriendCalls.LIST;
import static io.imflux.friend.FriendCalls.REMARK;
import static io.imflux.friend.FriendCalls.SPECIFIED_INFO;
import static io.imflux.friend.FriendCalls.UPDATE;
import static io.imflux.testing.Envelopes.USER_INFO_KEYS;
import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The friend list (spec/api-friend.md §7-§15): delete, list, designated, remarks and fields, import, lookups. */
@ImfluxTest
class FriendListRoutesTest {

  static final Map<String, Object> FIRST_PAGE = Map.of("pageNumber", 1, "showNumber", 100);

  @LocalServerPort
  int port;

  FriendCalls calls;
  ApiClient client;

  @BeforeEach
  void client() {
    client = new ApiClient(port);
    calls = new FriendCalls(client);
  }

  @Test
  void deletingRemovesOnlyTheOwnersSideAndNeedsNoFriendship() {
    List<String> users = calls.users("fl", 3);
    String a = users.get(0);
    String b = users.get(1);
    calls.befriend(a, b);
    assertEmptySuccess(calls.post(DELETE, a, Map.of("ownerUserID", a, "friendUserID", b)));

    JsonNode isFriend = data(calls.post(IS_FRIEND, b, Map.of("userID1", a, "userID2", b)));
    assertThat(isFriend.get("inUser1Friends").asBoolean()).isFalse();
    assertThat(isFriend.get("inUser2Friends").asBoolean()).isTrue();
    assertThat(calls.friendIDs(a)).isEmpty();
    assertThat(calls.friendIDs(b)).containsExactly(a);

    assertEmptySuccess(calls.post(DELETE, a, Map.of("ownerUserID", a, "friendUserID", users.get(2))));
    assertError(calls.post(DELETE, a, Map.of("friendUserID", b)), 1001, "userID1 is empty");
    assertError(calls.post(DELETE, a, Map.of("ownerUserID", a)), 1001, "userID2 is empty");
    assertError(calls.post(DELETE, a, Map.of("ownerUserID", b, "friendUserID", a)), 1002, "");
    assertEmptySuccess(client.post(DELETE, client.adminToken(), Map.of("ownerUserID", b, "friendUserID", a)));
    assertThat(calls.friendIDs(b)).isEmpty();
  }

  @Test
  void theListShowsPinnedFriendsFirstThenTheOrderTheyWereAdded() {
    List<String> users = calls.users("fl", 5);
    String owner = users.get(0);
    List<String> friends = users.subList(1, 5);
    long before = System.currentTimeMillis();
    client.ok(IMPORT, client.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", friends));
    long after = System.currentTimeMillis();
    assertThat(calls.friendIDs(owner)).isEqualTo(friends);

    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(friends.get(2)), "isPinned", true));
    List<String> pinnedFirst = List.of(friends.get(2), friends.get(0), friends.get(1), friends.get(3));
    assertThat(calls.friendIDs(owner)).isEqualTo(pinnedFirst);

    JsonNode all = data(calls.post(LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE)));
    assertThat(keys(all)).containsExactly("friendsInfo", "total");
    assertThat(all.get("total").asInt()).isEqualTo(4);
    assertThat(friendUserIDs(all.get("friendsInfo"))).isEqualTo(pinnedFirst);
    JsonNode pinned = all.get("friendsInfo").get(0);
    assertThat(keys(pinned)).isEqualTo(FRIEND_INFO_KEYS);
    assertThat(pinned.get("ownerUserID").asString()).isEqualTo(owner);
    assertThat(pinned.get("isPinned").asBoolean()).isTrue();
    assertThat(pinned.get("addSource").asInt()).isEqualTo(1);
    assertThat(pinned.get("operatorUserID").asString()).isEqualTo(ApiClient.ADMIN_ID);
    assertThat(pinned.get("createTime").asLong()).as("milliseconds in the document dialect").isBetween(before, after);
    JsonNode friendUser = pinned.get("friendUser");
    assertThat(keys(friendUser)).isEqualTo(USER_INFO_KEYS);
    assertThat(friendUser.get("userID").asString()).isEqualTo(friends.get(2));
    assertThat(friendUser.get("nickname").asString()).isEqualTo(friends.get(2));
    assertThat(friendUser.get("createTime").asLong()).as("only ID, name, face and ex are filled").isZero();

    JsonNode second = data(calls.post(LIST, owner, Map.of("userID", owner,
        "pagination", Map.of("pageNumber", 2, "showNumber", 3))));
    assertThat(second.get("total").asInt()).isEqualTo(4);
    assertThat(friendUserIDs(second.get("friendsInfo"))).containsExactly(friends.get(3));
  }

  @Test
  void theListChecksPaginationFirstThenTheUserThenTheCaller() {
    List<String> users = calls.users("fl", 2);
    String a = users.get(0);
    assertError(calls.post(LIST, a, Map.of()), 1001, "pagination is empty");
    assertError(calls.post(LIST, a, Map.of("pagination", Map.of("pageNumber", 0, "showNumber", 1))), 1001,
        "pageNumber is invalid");
    assertError(calls.post(LIST, a, Map.of("pagination", FIRST_PAGE)), 1001, "userID is empty");
    assertError(calls.post(LIST, a, Map.of("userID", users.get(1), "pagination", FIRST_PAGE)), 1002, "");
    assertThat(client.post(LIST, client.adminToken(), Map.of("userID", a, "pagination", FIRST_PAGE)).text())
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":{\"friendsInfo\":[],\"total\":0}}");
    assertError(calls.post(FRIEND_IDS, a, Map.of()), 1001, "userID is empty");
    assertError(calls.post(FRIEND_IDS, a, Map.of("userID", users.get(1))), 1002, "");
  }

  @Test
  void designatedFriendsLeaveOutUsersWhoAreNotFriends() {
    List<String> users = calls.users("fl", 3);
    String a = users.get(0);
    calls.befriend(a, users.get(1));
    JsonNode found = data(calls.post(DESIGNATED, a, Map.of("ownerUserID", a,
        "friendUserIDs", List.of(users.get(2), users.get(1), "nobody"))));
    assertThat(keys(found)).containsExactly("friendsInfo");
    assertThat(friendUserIDs(found.get("friendsInfo"))).containsExactly(users.get(1));
    assertThat(data(calls.post(DESIGNATED, a, Map.of("ownerUserID", a, "friendUserIDs", List.of())))
        .get("friendsInfo").values()).isEmpty();

    assertError(calls.post(DESIGNATED, a, Map.of("friendUserIDs", List.of())), 1001, "ownerUserID is empty");
    assertError(calls.post(DESIGNATED, a, Map.of("ownerUserID", a)), 1001, "friendUserIDS is empty");
    assertError(calls.post(DESIGNATED, a, Map.of("ownerUserID", users.get(1), "friendUserIDs", List.of("x", "x"))),
        1002, "");
    assertError(calls.post(DESIGNATED, a, Map.of("ownerUserID", a, "friendUserIDs", List.of("x", "x"))), 1001,
        "friend userID repeated");
  }

  @Test
  void aRemarkIsSetOnlyOnAFriendAndAnEmptyOneClearsIt() {
    List<String> users = calls.users("fl", 3);
    String a = users.get(0);
    String b = users.get(1);
    calls.befriend(a, b);
    assertEmptySuccess(calls.post(REMARK, a, Map.of("ownerUserID", a, "friendUserID", b, "remark", "Bobby")));
    assertThat(friend(a, b).get("remark").asString()).isEqualTo("Bobby");
    assertThat(friend(b, a).get("remark").asString()).isEmpty();
    assertEmptySuccess(calls.post(REMARK, a, Map.of("ownerUserID", a, "friendUserID", b)));
    assertThat(friend(a, b).get("remark").asString()).isEmpty();

    assertError(calls.post(REMARK, a, Map.of("ownerUserID", a, "friendUserID", users.get(2), "remark", "x")), 1004,
        "not found");
    assertError(calls.post(REMARK, a, Map.of("friendUserID", b)), 1001, "ownerUserID is empty");
    assertError(calls.post(REMARK, a, Map.of("ownerUserID", a)), 1001, "fromUserID is empty");
    assertError(calls.post(REMARK, a, Map.of("ownerUserID", b, "friendUserID", a)), 1002, "");
  }

  @Test
  void updateFriendsSetsThePresentFieldsOnEveryListedFriend() {
    List<String> users = calls.users("fl", 4);
    String owner = users.get(0);
    client.ok(IMPORT, client.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", users.subList(1, 3)));
    Map<String, Object> body = new HashMap<>();
    body.put("ownerUserID", owner);
    body.put("friendUserIDs", List.of(users.get(1), users.get(2), users.get(3)));
    body.put("remark", "");
    body.put("ex", "e");
    body.put("isPinned", null);
    calls.ok(REMARK, owner, Map.of("ownerUserID", owner, "friendUserID", users.get(1), "remark", "old"));
    assertEmptySuccess(calls.post(UPDATE, owner, body));

    for (String friendID : users.subList(1, 3)) {
      JsonNode friend = friend(owner, friendID);
      assertThat(friend.get("remark").asString()).isEmpty();
      assertThat(friend.get("ex").asString()).isEqualTo("e");
      assertThat(friend.get("isPinned").asBoolean()).isFalse();
    }
    assertThat(calls.friendIDs(owner)).as("non-friends are ignored").containsExactly(users.get(1), users.get(2));
    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(1))));
    assertThat(friend(owner, users.get(1)).get("ex").asString()).as("nothing present, nothing set").isEqualTo("e");
  }

  @Test
  void updateFriendsChecksTheListBeforeTheCaller() {
    List<String> users = calls.users("fl", 2);
    String a = users.get(0);
    String other = users.get(1);
    List<String> tooMany = IntStream.rangeClosed(0, 1000).mapToObj(i -> "u" + i).toList();
    assertError(calls.post(UPDATE, a, Map.of("friendUserIDs", List.of("x"))), 1001, "ownerUserID is empty");
    assertError(calls.post(UPDATE, a, Map.of("ownerUserID", other)), 1001, "friendUserIDs is empty");
    assertError(calls.post(UPDATE, a, Map.of("ownerUserID", other, "friendUserIDs", tooMany)), 1001,
        "too many FriendUserIDs, need to be less than 1000");
    assertError(calls.post(UPDATE, a, Map.of("ownerUserID", other, "friendUserIDs", List.of())), 1001,
        "friendIDList is empty");
    assertError(calls.post(UPDATE, a, Map.of("ownerUserID", other, "friendUserIDs", List.of("x", "x"))), 1001,
        "friendIDList repeated");
    assertError(calls.post(UPDATE, a, Map.of("ownerUserID", other, "friendUserIDs", List.of("x"))), 1002, "");
    assertEmptySuccess(calls.post(UPDATE, a, Map.of("ownerUserID", a, "friendUserIDs", tooMany.subList(0, 1000),
        "isPinned", true)));
  }

  @Test
  void importMakesFriendsBothWaysAndKeepsRowsThatExist() {
    List<String> users = calls.users("fl", 4);
    String owner = users.get(0);
    calls.befriend(owner, users.get(1));
    calls.ok(REMARK, owner, Map.of("ownerUserID", owner, "friendUserID", users.get(1), "remark", "kept"));
    assertEmptySuccess(client.post(IMPORT, client.adminToken(), Map.of("ownerUserID", owner,
        "friendUserIDs", users.subList(1, 4))));

    assertThat(calls.friendIDs(owner)).containsExactly(users.get(1), users.get(2), users.get(3));
    JsonNode kept = friend(owner, users.get(1));
    assertThat(kept.get("remark").asString()).isEqualTo("kept");
    assertThat(kept.get("addSource").asInt()).isEqualTo(2);
    for (String friendID : users.subList(2, 4)) {
      assertThat(calls.friendIDs(friendID)).containsExactly(owner);
      JsonNode imported = friend(friendID, owner);
      assertThat(imported.get("addSource").asInt()).isEqualTo(1);
      assertThat(imported.get("operatorUserID").asString()).isEqualTo(ApiClient.ADMIN_ID);
    }
    assertEmptySuccess(client.post(IMPORT, client.adminToken(), Map.of("ownerUserID", owner,
        "friendUserIDs", List.of())));
  }

  @Test
  void importIsForAdminsAndNeedsEveryUserOnceAsTheReferenceChecksIt() {
    List<String> users = calls.users("fl", 3);
    String owner = users.get(0);
    String admin = client.adminToken();
    List<String> tooMany = IntStream.rangeClosed(0, 1000).mapToObj(i -> "u" + i).toList();
    assertError(client.post(IMPORT, admin, Map.of("friendUserIDs", List.of())), 1001, "ownerUserID is empty");
    assertError(client.post(IMPORT, admin, Map.of("ownerUserID", owner)), 1001, "friendUserIDS is empty");
    assertError(client.post(IMPORT, admin, Map.of("ownerUserID", owner, "friendUserIDs", tooMany)), 1001,
        "too many FriendUserIDs, need to be less than 1000");
    assertError(calls.post(IMPORT, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(1)))),
        1002, "");
    assertError(client.post(IMPORT, admin, Map.of("ownerUserID", owner, "friendUserIDs", List.of("nobody_x"))),
        1003, "user not found");
    // The reference means 1301 and 1001 here, but its existence check counts each user once (spec §12).
    assertError(client.post(IMPORT, admin, Map.of("ownerUserID", owner, "friendUserIDs", List.of(owner))), 1003,
        "user not found");
    assertError(client.post(IMPORT, admin, Map.of("ownerUserID", owner,
        "friendUserIDs", List.of(users.get(1), users.get(1)))), 1003, "user not found");
    assertThat(calls.friendIDs(owner)).isEmpty();
  }

  @Test
  void isFriendAnswersEachDirectionForEitherUser() {
    List<String> users = calls.users("fl", 3);
    String a = users.get(0);
    String b = users.get(1);
    calls.befriend(a, b);
    JsonNode answer = data(calls.post(IS_FRIEND, b, Map.of("userID1", a, "userID2", b)));
    assertThat(keys(answer)).containsExactly("inUser1Friends", "inUser2Friends");
    assertThat(answer.get("inUser1Friends").asBoolean()).isTrue();
    JsonNode strangers = data(client.post(IS_FRIEND, client.adminToken(), Map.of("userID1", a, "userID2", "nobody")));
    assertThat(strangers.get("inUser1Friends").asBoolean()).isFalse();
    assertThat(strangers.get("inUser2Friends").asBoolean()).isFalse();
    assertError(calls.post(IS_FRIEND, a, Map.of("userID2", b)), 1001, "userID1 is empty");
    assertError(calls.post(IS_FRIEND, a, Map.of("userID1", a)), 1001, "userID2 is empty");
    assertError(calls.post(IS_FRIEND, users.get(2), Map.of("userID1", a, "userID2", b)), 1002, "");
  }

  @Test
  void specifiedFriendsInfoShowsProfileFriendAndBlackInMilliseconds() {
    List<String> users = calls.users("fl", 4);
    String owner = users.get(0);
    calls.befriend(owner, users.get(1));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1), "ex", "bx"));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(2)));
    long after = System.currentTimeMillis();

    JsonNode infos = data(calls.post(SPECIFIED_INFO, owner, Map.of("ownerUserID", owner,
        "userIDList", List.of(users.get(3), "nobody_" + owner, users.get(2), users.get(1))))).get("infos");
    assertThat(infos.values()).extracting(info -> info.get("userInfo").get("userID").asString())
        .containsExactly(users.get(3), users.get(2), users.get(1));
    JsonNode stranger = infos.get(0);
    assertThat(keys(stranger)).containsExactly("userInfo", "friendInfo", "blackInfo");
    assertThat(keys(stranger.get("userInfo"))).isEqualTo(USER_INFO_KEYS);
    assertThat(stranger.get("userInfo").get("createTime").asLong()).isPositive();
    assertThat(stranger.get("friendInfo").isNull()).isTrue();
    assertThat(stranger.get("blackInfo").isNull()).isTrue();
    assertThat(infos.get(1).get("friendInfo").isNull()).isTrue();
    JsonNode both = infos.get(2);
    assertThat(both.get("friendInfo").get("friendUser").isNull()).isTrue();
    assertThat(both.get("friendInfo").get("createTime").asLong()).isBetween(after - 60_000, after);
    assertThat(both.get("blackInfo").get("blackUserInfo").isNull()).isTrue();
    assertThat(both.get("blackInfo").get("ex").asString()).isEqualTo("bx");
    assertThat(both.get("blackInfo").get("createTime").asLong()).isBetween(after - 60_000, after);
  }

  @Test
  void specifiedFriendsInfoChecksTheListBeforeTheCaller() {
    List<String> users = calls.users("fl", 2);
    String a = users.get(0);
    String other = users.get(1);
    List<String> tooMany = IntStream.rangeClosed(0, 1000).mapToObj(i -> "u" + i).toList();
    assertError(calls.post(SPECIFIED_INFO, a, Map.of("userIDList", List.of("x"))), 1001, "ownerUserID is empty");
    assertError(calls.post(SPECIFIED_INFO, a, Map.of("ownerUserID", other)), 1001, "userIDList is empty");
    assertError(calls.post(SPECIFIED_INFO, a, Map.of("ownerUserID", other, "userIDList", tooMany)), 1001,
        "too many UserIDs, need to be less than 1000");
    assertError(calls.post(SPECIFIED_INFO, a, Map.of("ownerUserID", other, "userIDList", List.of())), 1001,
        "userIDList is empty");
    assertError(calls.post(SPECIFIED_INFO, a, Map.of("ownerUserID", other, "userIDList", List.of("x", "x"))), 1001,
        "userIDList repeated");
    assertError(calls.post(SPECIFIED_INFO, a, Map.of("ownerUserID", other, "userIDList", List.of(a))), 1002, "");
  }

  private JsonNode friend(String owner, String friendID) {
    JsonNode found = data(calls.post(DESIGNATED, owner, Map.of("ownerUserID", owner,
        "friendUserIDs", List.of(friendID)))).get("friendsInfo");
    assertThat(found.values()).hasSize(1);
    return found.get(0);
  }

  static List<String> friendUserIDs(JsonNode friendsInfo) {
    List<String> ids = new ArrayList<>();
    friendsInfo.values().forEach(info -> ids.add(info.get("friendUser").get("userID").asString()));
    return ids;
  }
}
