package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_FRIEND;
import static io.imflux.friend.FriendCalls.DESIGNATED_APPLY;
import static io.imflux.friend.FriendCalls.FRIEND_REQUEST_KEYS;
import static io.imflux.friend.FriendCalls.IS_FRIEND;
import static io.imflux.friend.FriendCalls.LIST;
import static io.imflux.friend.FriendCalls.RECEIVED;
import static io.imflux.friend.FriendCalls.RESPOND;
import static io.imflux.friend.FriendCalls.SENT;
import static io.imflux.friend.FriendCalls.UNHANDLED_COUNT;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Friend requests (spec/api-friend.md §1-§6): applying, answering, and what each side sees. */
@ImfluxTest
class FriendRequestRoutesTest {

  @LocalServerPort
  int port;

  FriendCalls calls;

  @BeforeEach
  void client() {
    calls = new FriendCalls(new ApiClient(port));
  }

  @Test
  void anApplicationIsAPendingRequestBothSidesSee() {
    List<String> users = calls.users("fr", 2);
    String a = users.get(0);
    String b = users.get(1);
    long before = System.currentTimeMillis();
    assertEmptySuccess(calls.post(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b, "reqMsg", "hello",
        "ex", "x")));

    JsonNode received = data(calls.post(RECEIVED, b, Map.of("userID", b,
        "pagination", Map.of("pageNumber", 1, "showNumber", 10))));
    assertThat(keys(received)).containsExactly("FriendRequests", "total");
    assertThat(received.get("total").asInt()).isEqualTo(1);
    JsonNode request = received.get("FriendRequests").get(0);
    assertThat(keys(request)).isEqualTo(FRIEND_REQUEST_KEYS);
    assertThat(request.get("fromUserID").asString()).isEqualTo(a);
    assertThat(request.get("fromNickname").asString()).isEqualTo(a);
    assertThat(request.get("toUserID").asString()).isEqualTo(b);
    assertThat(request.get("toNickname").asString()).isEqualTo(b);
    assertThat(request.get("handleResult").asInt()).isZero();
    assertThat(request.get("reqMsg").asString()).isEqualTo("hello");
    assertThat(request.get("ex").asString()).isEqualTo("x");
    assertThat(request.get("createTime").asLong()).isBetween(before, System.currentTimeMillis());
    assertThat(request.get("handlerUserID").asString()).isEmpty();
    assertThat(request.get("handleTime").asLong()).isZero();

    JsonNode sent = data(calls.post(SENT, a, Map.of("userID", a,
        "pagination", Map.of("pageNumber", 1, "showNumber", 10))));
    assertThat(keys(sent)).containsExactly("friendRequests", "total");
    assertThat(sent.get("friendRequests").get(0)).isEqualTo(request);

    for (String caller : users) {
      JsonNode designated = data(calls.post(DESIGNATED_APPLY, caller, Map.of("fromUserID", b, "toUserID", a)));
      assertThat(keys(designated)).containsExactly("friendRequests");
      assertThat(designated.get("friendRequests").values()).containsExactly(request);
    }
    assertThat(data(calls.post(UNHANDLED_COUNT, b, Map.of("userID", b))).get("count").asLong()).isEqualTo(1);
    assertThat(data(calls.post(UNHANDLED_COUNT, a, Map.of("userID", a))).get("count").asLong()).isZero();
  }

  @Test
  void applyingChecksInTheReferenceOrder() {
    List<String> users = calls.users("fr", 3);
    String a = users.get(0);
    String b = users.get(1);
    String c = users.get(2);
    assertError(calls.post(ADD_FRIEND, a, Map.of()), 1001, "toUserID is empty");
    assertError(calls.post(ADD_FRIEND, a, Map.of("toUserID", b)), 1001, "fromUserID is empty");
    assertError(calls.post(ADD_FRIEND, a, Map.of("fromUserID", b, "toUserID", c)), 1002, "");
    assertError(calls.post(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", a)), 1301, "");
    assertError(calls.post(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", "nobody_" + a)), 1003, "");

    calls.befriend(a, b);
    assertError(calls.post(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b)), 1304, "");
    assertError(calls.post(ADD_FRIEND, b, Map.of("fromUserID", b, "toUserID", a)), 1304, "");
    // A one-sided friendship does not stop a new application, and an admin may apply for anyone.
    calls.ok(FriendCalls.DELETE, a, Map.of("ownerUserID", a, "friendUserID", b));
    assertEmptySuccess(calls.client.post(ADD_FRIEND, calls.client.adminToken(), Map.of("fromUserID", a,
        "toUserID", b)));
    assertEmptySuccess(calls.client.post(ADD_FRIEND, calls.client.adminToken(), Map.of("fromUserID", c,
        "toUserID", a)));
  }

  @Test
  void blockedUsersMayStillApply() {
    List<String> users = calls.users("fr", 2);
    calls.ok(FriendCalls.ADD_BLACK, users.get(1), Map.of("ownerUserID", users.get(1), "blackUserID", users.get(0)));
    assertEmptySuccess(calls.post(ADD_FRIEND, users.get(0), Map.of("fromUserID", users.get(0),
        "toUserID", users.get(1))));
  }

  @Test
  void agreeingMakesThemFriendsBothWaysAndAnswersTheReverseRequestToo() {
    List<String> users = calls.users("fr", 2);
    String a = users.get(0);
    String b = users.get(1);
    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b));
    calls.ok(ADD_FRIEND, b, Map.of("fromUserID", b, "toUserID", a));
    long before = System.currentTimeMillis();
    assertEmptySuccess(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1,
        "handleMsg", "welcome")));

    JsonNode both = data(calls.post(DESIGNATED_APPLY, a, Map.of("fromUserID", a, "toUserID", b)))
        .get("friendRequests");
    assertThat(both.values()).hasSize(2).allSatisfy(request -> {
      assertThat(request.get("handleResult").asInt()).isEqualTo(1);
      assertThat(request.get("handlerUserID").asString()).isEqualTo(b);
      assertThat(request.get("handleTime").asLong()).isGreaterThanOrEqualTo(before);
    });
    JsonNode answered = both.values().stream().filter(r -> r.get("fromUserID").asString().equals(a)).findFirst()
        .orElseThrow();
    assertThat(answered.get("handleMsg").asString()).isEqualTo("welcome");

    JsonNode isFriend = data(calls.post(IS_FRIEND, a, Map.of("userID1", a, "userID2", b)));
    assertThat(isFriend.get("inUser1Friends").asBoolean()).isTrue();
    assertThat(isFriend.get("inUser2Friends").asBoolean()).isTrue();
    for (String owner : users) {
      JsonNode friend = data(calls.post(LIST, owner, Map.of("userID", owner,
          "pagination", Map.of("pageNumber", 1, "showNumber", 10)))).get("friendsInfo").get(0);
      assertThat(friend.get("addSource").asInt()).isEqualTo(2);
      assertThat(friend.get("operatorUserID").asString()).isEqualTo(a);
    }
  }

  @Test
  void onlyAPendingRequestCanBeAnswered() {
    List<String> users = calls.users("fr", 4);
    String a = users.get(0);
    String b = users.get(1);
    String c = users.get(2);
    String d = users.get(3);
    assertError(calls.post(RESPOND, b, Map.of()), 1001, "toUserID is empty");
    assertError(calls.post(RESPOND, b, Map.of("toUserID", b)), 1001, "fromUserID is empty");
    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1)), 1004,
        "friend request not found");
    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", -1)), 1004, "");

    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b));
    assertError(calls.post(RESPOND, a, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1)), 1002, "");
    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 0)), 1001,
        "req.HandleResult != -1/1");
    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 2)), 1001, "");
    assertEmptySuccess(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1)));
    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1)), 1001,
        "the friend request has been processed");
    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", -1)), 1305, "");

    calls.ok(ADD_FRIEND, c, Map.of("fromUserID", c, "toUserID", d));
    assertEmptySuccess(calls.client.post(RESPOND, calls.client.adminToken(), Map.of("fromUserID", c, "toUserID", d,
        "handleResult", -1, "handleMsg", "no")));
    assertError(calls.post(RESPOND, d, Map.of("fromUserID", c, "toUserID", d, "handleResult", -1)), 1305, "");
    assertError(calls.post(RESPOND, d, Map.of("fromUserID", c, "toUserID", d, "handleResult", 1)), 1001, "");
    assertThat(data(calls.post(IS_FRIEND, c, Map.of("userID1", c, "userID2", d))).get("inUser1Friends").asBoolean())
        .isFalse();
  }

  @Test
  void refusingKeepsTheHandlerEmptyAndApplyingAgainResetsTheRequest() {
    List<String> users = calls.users("fr", 2);
    String a = users.get(0);
    String b = users.get(1);
    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b, "reqMsg", "first", "ex", "e1"));
    calls.ok(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", -1, "handleMsg", "no"));
    JsonNode refused = onlyRequest(a, b);
    assertThat(refused.get("handleResult").asInt()).isEqualTo(-1);
    assertThat(refused.get("handlerUserID").asString()).isEmpty();
    assertThat(refused.get("handleMsg").asString()).isEqualTo("no");
    assertThat(refused.get("handleTime").asLong()).isPositive();

    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b, "reqMsg", "second"));
    JsonNode again = onlyRequest(a, b);
    assertThat(again.get("handleResult").asInt()).isZero();
    assertThat(again.get("handleMsg").asString()).isEmpty();
    assertThat(again.get("reqMsg").asString()).isEqualTo("second");
    assertThat(again.get("ex").asString()).isEmpty();
    assertThat(again.get("createTime").asLong()).isGreaterThanOrEqualTo(refused.get("createTime").asLong());
    // The fields the reset does not name are kept (§1).
    assertThat(again.get("handleTime").asLong()).isEqualTo(refused.get("handleTime").asLong());
  }

  @Test
  void theListsFilterByResultAndShowTheNewestFirst() {
    List<String> users = calls.users("fr", 4);
    String b = users.get(0);
    for (String applicant : users.subList(1, 4)) {
      calls.ok(ADD_FRIEND, applicant, Map.of("fromUserID", applicant, "toUserID", b));
    }
    calls.ok(RESPOND, b, Map.of("fromUserID", users.get(2), "toUserID", b, "handleResult", -1));

    JsonNode all = data(calls.post(RECEIVED, b, Map.of("userID", b,
        "pagination", Map.of("pageNumber", 1, "showNumber", 10))));
    assertThat(all.get("total").asInt()).isEqualTo(3);
    assertThat(fromIDs(all.get("FriendRequests"))).containsExactly(users.get(3), users.get(2), users.get(1));

    JsonNode pending = data(calls.post(RECEIVED, b, Map.of("userID", b, "handleResults", List.of(0),
        "pagination", Map.of("pageNumber", 1, "showNumber", 1))));
    assertThat(pending.get("total").asInt()).isEqualTo(2);
    assertThat(fromIDs(pending.get("FriendRequests"))).containsExactly(users.get(3));
    JsonNode secondPage = data(calls.post(RECEIVED, b, Map.of("userID", b, "handleResults", List.of(0),
        "pagination", Map.of("pageNumber", 2, "showNumber", 1))));
    assertThat(fromIDs(secondPage.get("FriendRequests"))).containsExactly(users.get(1));
    JsonNode refused = data(calls.post(RECEIVED, b, Map.of("userID", b, "handleResults", List.of(-1, 1),
        "pagination", Map.of("pageNumber", 1, "showNumber", 10))));
    assertThat(fromIDs(refused.get("FriendRequests"))).containsExactly(users.get(2));
    JsonNode beyond = data(calls.post(RECEIVED, b, Map.of("userID", b,
        "pagination", Map.of("pageNumber", 5, "showNumber", 10))));
    assertThat(beyond.get("total").asInt()).isEqualTo(3);
    assertThat(beyond.get("FriendRequests").values()).isEmpty();

    JsonNode sent = data(calls.post(SENT, users.get(2), Map.of("userID", users.get(2), "handleResults", List.of(-1),
        "pagination", Map.of("pageNumber", 1, "showNumber", 10))));
    assertThat(sent.get("total").asInt()).isEqualTo(1);
  }

  @Test
  void theListsCheckTheirArgumentsThenTheCaller() {
    List<String> users = calls.users("fr", 2);
    String a = users.get(0);
    Map<String, Object> page = Map.of("pageNumber", 1, "showNumber", 10);
    for (String route : List.of(RECEIVED, SENT)) {
      assertError(calls.post(route, a, Map.of("pagination", page)), 1001, "userID is empty");
      assertError(calls.post(route, a, Map.of("userID", a)), 1001, "pagination is empty");
      assertError(calls.post(route, a, Map.of("userID", a, "pagination", Map.of("pageNumber", 0))), 1001,
          "pageNumber is invalid");
      assertError(calls.post(route, a, Map.of("userID", users.get(1), "pagination", page)), 1002, "");
      assertThat(data(calls.client.post(route, calls.client.adminToken(), Map.of("userID", a, "pagination", page)))
          .get("total").asInt()).isZero();
    }
    assertError(calls.post(DESIGNATED_APPLY, a, Map.of("toUserID", a)), 1001, "ownerUserID is empty");
    assertError(calls.post(DESIGNATED_APPLY, a, Map.of("fromUserID", a)), 1001, "toUserID is empty");
    assertError(calls.post(DESIGNATED_APPLY, a, Map.of("fromUserID", users.get(1), "toUserID", "x")), 1002, "");
    assertThat(data(calls.client.post(DESIGNATED_APPLY, calls.client.adminToken(),
        Map.of("fromUserID", a, "toUserID", users.get(1)))).get("friendRequests").values()).isEmpty();
  }

  @Test
  void theUnhandledCountIsPendingRequestsReceivedAfterTheGivenTime() {
    List<String> users = calls.users("fr", 3);
    String b = users.get(0);
    calls.ok(ADD_FRIEND, users.get(1), Map.of("fromUserID", users.get(1), "toUserID", b));
    calls.ok(ADD_FRIEND, users.get(2), Map.of("fromUserID", users.get(2), "toUserID", b));
    assertThat(data(calls.post(UNHANDLED_COUNT, b, Map.of("userID", b))).get("count").asLong()).isEqualTo(2);
    calls.ok(RESPOND, b, Map.of("fromUserID", users.get(1), "toUserID", b, "handleResult", 1));
    assertThat(data(calls.post(UNHANDLED_COUNT, b, Map.of("userID", b))).get("count").asLong()).isEqualTo(1);

    long createTime = data(calls.post(RECEIVED, b, Map.of("userID", b, "handleResults", List.of(0),
        "pagination", Map.of("pageNumber", 1, "showNumber", 1)))).get("FriendRequests").get(0).get("createTime")
        .asLong();
    assertThat(data(calls.post(UNHANDLED_COUNT, b, Map.of("userID", b, "time", createTime - 1))).get("count")
        .asLong()).isEqualTo(1);
    assertThat(data(calls.post(UNHANDLED_COUNT, b, Map.of("userID", b, "time", createTime))).get("count").asLong())
        .isZero();
    assertError(calls.post(UNHANDLED_COUNT, users.get(1), Map.of("userID", b)), 1002, "");
  }

  private JsonNode onlyRequest(String from, String to) {
    JsonNode requests = data(calls.post(DESIGNATED_APPLY, from, Map.of("fromUserID", from, "toUserID", to)))
        .get("friendRequests");
    assertThat(requests.values()).hasSize(1);
    return requests.get(0);
  }

  private static List<String> fromIDs(JsonNode requests) {
    return requests.values().stream().map(r -> r.get("fromUserID").asString()).toList();
  }
}
