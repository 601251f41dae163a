package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.BLACK_INFO_KEYS;
import static io.imflux.friend.FriendCalls.BLACK_LIST;
import static io.imflux.friend.FriendCalls.IS_FRIEND;
import static io.imflux.friend.FriendCalls.REMOVE_BLACK;
import static io.imflux.friend.FriendCalls.SPECIFIED_BLACKS;
import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.test.StepVerifier;
import tools.jackson.databind.JsonNode;

/** The blacklist (spec/api-friend.md §18-§21). */
@ImfluxTest
class BlackRoutesTest {

  static final Map<String, Object> FIRST_PAGE = Map.of("pageNumber", 1, "showNumber", 100);

  @LocalServerPort
  int port;

  FriendCalls calls;
  ApiClient client;
  @Autowired
  BlackStore blacks;
  @Autowired
  MongoFriendRelations relations;

  @BeforeEach
  void client() {
    client = new ApiClient(port);
    calls = new FriendCalls(client);
  }

  @Test
  void blockedUsersAreListedInTheOrderTheyWereBlockedWithTheirPublicProfile() {
    List<String> users = calls.users("bl", 4);
    String owner = users.get(0);
    long before = System.currentTimeMillis();
    assertEmptySuccess(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(2),
        "ex", "first")));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1)));
    client.ok(ADD_BLACK, client.adminToken(), Map.of("ownerUserID", owner, "blackUserID", users.get(3)));
    long after = System.currentTimeMillis();

    JsonNode all = data(calls.post(BLACK_LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE)));
    assertThat(keys(all)).containsExactly("blacks", "total");
    assertThat(all.get("total").asInt()).isEqualTo(3);
    assertThat(blackUserIDs(all.get("blacks"))).containsExactly(users.get(2), users.get(1), users.get(3));
    JsonNode first = all.get("blacks").get(0);
    assertThat(keys(first)).isEqualTo(BLACK_INFO_KEYS);
    assertThat(first.get("ownerUserID").asString()).isEqualTo(owner);
    assertThat(first.get("createTime").asLong()).as("milliseconds in the document dialect").isBetween(before, after);
    assertThat(keys(first.get("blackUserInfo"))).containsExactly("userID", "nickname", "faceURL", "ex");
    assertThat(first.get("blackUserInfo").get("nickname").asString()).isEqualTo(users.get(2));
    assertThat(first.get("addSource").asInt()).isZero();
    assertThat(first.get("operatorUserID").asString()).isEqualTo(owner);
    assertThat(first.get("ex").asString()).isEqualTo("first");
    assertThat(all.get("blacks").get(2).get("operatorUserID").asString()).isEqualTo(ApiClient.ADMIN_ID);

    JsonNode page = data(calls.post(BLACK_LIST, owner, Map.of("userID", owner,
        "pagination", Map.of("pageNumber", 2, "showNumber", 2))));
    assertThat(page.get("total").asInt()).isEqualTo(3);
    assertThat(blackUserIDs(page.get("blacks"))).containsExactly(users.get(3));
  }

  @Test
  void blockingTwiceChangesNothingAndBlockingLeavesFriendshipAlone() {
    List<String> users = calls.users("bl", 2);
    String owner = users.get(0);
    String other = users.get(1);
    calls.befriend(owner, other);
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", other, "ex", "kept"));
    JsonNode first = data(calls.post(BLACK_LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE)));
    // The reference fails with 500 (duplicate key); imflux succeeds and keeps the row (spec §18, our decision).
    assertEmptySuccess(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", other,
        "ex", "new")));
    assertThat(data(calls.post(BLACK_LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE))))
        .isEqualTo(first);
    JsonNode friends = data(calls.post(IS_FRIEND, owner, Map.of("userID1", owner, "userID2", other)));
    assertThat(friends.get("inUser1Friends").asBoolean()).isTrue();
    assertThat(friends.get("inUser2Friends").asBoolean()).isTrue();
  }

  @Test
  void blockingChecksArgumentsCallerAndBothUsers() {
    List<String> users = calls.users("bl", 2);
    String owner = users.get(0);
    assertError(calls.post(ADD_BLACK, owner, Map.of("blackUserID", owner)), 1001, "ownerUserID is empty");
    assertError(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner)), 1001, "blackUserID is empty");
    assertError(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", users.get(1), "blackUserID", owner)), 1002, "");
    assertError(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", "nobody_" + owner)), 1003,
        "user not found");
    assertError(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", owner)), 1003,
        "user not found");
  }

  @Test
  void removingSucceedsWhetherOrNotTheUserWasBlocked() {
    List<String> users = calls.users("bl", 3);
    String owner = users.get(0);
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1)));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(2)));
    assertEmptySuccess(calls.post(REMOVE_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1))));
    assertEmptySuccess(calls.post(REMOVE_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1))));
    assertEmptySuccess(client.post(REMOVE_BLACK, client.adminToken(), Map.of("ownerUserID", owner,
        "blackUserID", "nobody")));
    assertThat(blackUserIDs(data(calls.post(BLACK_LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE)))
        .get("blacks"))).containsExactly(users.get(2));

    assertError(calls.post(REMOVE_BLACK, owner, Map.of("blackUserID", owner)), 1001, "ownerUserID is empty");
    assertError(calls.post(REMOVE_BLACK, owner, Map.of("ownerUserID", owner)), 1001, "blackUserID is empty");
    assertError(calls.post(REMOVE_BLACK, owner, Map.of("ownerUserID", users.get(2), "blackUserID", owner)), 1002,
        "");
  }

  @Test
  void theListChecksItsArgumentsThenTheCaller() {
    List<String> users = calls.users("bl", 2);
    String owner = users.get(0);
    assertError(calls.post(BLACK_LIST, owner, Map.of("pagination", FIRST_PAGE)), 1001, "userID is empty");
    assertError(calls.post(BLACK_LIST, owner, Map.of("userID", owner)), 1001, "pagination is empty");
    assertError(calls.post(BLACK_LIST, owner, Map.of("userID", owner, "pagination", Map.of("pageNumber", -1))),
        1001, "pageNumber is invalid");
    assertError(calls.post(BLACK_LIST, owner, Map.of("userID", users.get(1), "pagination", FIRST_PAGE)), 1002, "");
  }

  @Test
  void specifiedBlacksAnswerTheListedBlockedUsersInRequestOrderInMilliseconds() {
    List<String> users = calls.users("bl", 4);
    String owner = users.get(0);
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1)));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(2)));
    long after = System.currentTimeMillis();

    JsonNode found = data(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", owner,
        "userIDList", List.of(users.get(3), users.get(2), users.get(1)))));
    assertThat(keys(found)).containsExactly("blacks", "total");
    assertThat(found.get("total").asInt()).isEqualTo(2);
    assertThat(blackUserIDs(found.get("blacks"))).containsExactly(users.get(2), users.get(1));
    assertThat(found.get("blacks").get(0).get("createTime").asLong()).isBetween(after - 60_000, after);

    // Permission comes first here, before the list rules (§21).
    assertError(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", users.get(1), "userIDList", List.of())),
        1002, "");
    assertError(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", owner, "userIDList", List.of())), 1001,
        "userIDList is empty");
    assertError(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", owner)), 1001, "userIDList is empty");
    assertError(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", owner, "userIDList", List.of("x", "x"))),
        1001, "userIDList repeated");
  }

  @Test
  void sendMsgRefusesABlockedSenderUntilTheBlockIsRemoved() {
    List<String> users = calls.users("bl", 3);
    String owner = users.get(0);
    String blocked = users.get(1);
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", blocked));

    assertError(calls.sendText(blocked, owner), 1302, "");
    assertThat(calls.sendText(owner, blocked).errCode()).as("the block is one way").isZero();
    assertThat(calls.sendText(users.get(2), owner).errCode()).as("friendship is not required by default")
        .isZero();
    calls.ok(REMOVE_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", blocked));
    assertThat(calls.sendText(blocked, owner).errCode()).isZero();
  }

  /**
   * The send right after an add_black or remove_black answer sees the new blacklist, though the send before it had the
   * old one cached: the write drops the cached relation before it answers.
   */
  @Test
  void theSendRightAfterABlacklistAnswerSeesTheNewBlacklist() {
    List<String> users = calls.users("bl_race", 2);
    String owner = users.get(0);
    String blocked = users.get(1);
    assertThat(calls.sendText(blocked, owner).errCode()).isZero();
    for (int round = 0; round < 20; round++) {
      calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", blocked));
      assertError(calls.sendText(blocked, owner), 1302, "");
      calls.ok(REMOVE_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", blocked));
      assertThat(calls.sendText(blocked, owner).errCode()).as("round %d", round).isZero();
    }
  }

  /**
   * What the test above cannot force over HTTP, where the window is a thread switch: whatever runs once the store's
   * write answered reads the new relation, with the old one cached before.
   */
  @Test
  void theBlacklistStoreDropsTheCachedRelationBeforeItAnswers() {
    String owner = ApiClient.uniqueId("bl_store");
    String blocked = ApiClient.uniqueId("bl_store");
    StepVerifier.create(relations.isBlocked(owner, blocked)).expectNext(false).verifyComplete();

    StepVerifier.create(blacks.create(new Black(owner, blocked, 1, 1, owner, ""))
            .then(relations.isBlocked(owner, blocked)))
        .expectNext(true)
        .verifyComplete();
    StepVerifier.create(blacks.delete(owner, blocked).then(relations.isBlocked(owner, blocked)))
        .expectNext(false)
        .verifyComplete();
  }

  static List<String> blackUserIDs(JsonNode blacks) {
    return blacks.values().stream().map(black -> black.get("blackUserInfo").get("userID").asString()).toList();
  }
}
