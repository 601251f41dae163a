package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.ADD_FRIEND;
import static io.imflux.friend.FriendCalls.BLACK_LIST;
import static io.imflux.friend.FriendCalls.DESIGNATED;
import static io.imflux.friend.FriendCalls.IMPORT;
import static io.imflux.friend.FriendCalls.INCREMENTAL_BLACKS;
import static io.imflux.friend.FriendCalls.LIST;
import static io.imflux.friend.FriendCalls.RECEIVED;
import static io.imflux.friend.FriendCalls.REMARK;
import static io.imflux.friend.FriendCalls.SPECIFIED_BLACKS;
import static io.imflux.friend.FriendCalls.SPECIFIED_INFO;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The friend routes in the {@code openim} dialect: creation times in seconds where the reference sends seconds, and
 * its error numbers (spec/dialects.md §1, §5). The document-dialect counterparts are in the other friend tests.
 */
@ImfluxTest
@OpenImDialect
class FriendOpenImDialectTest {

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
  void theListRoutesShowSecondsAndTheLookupsMilliseconds() {
    List<String> users = calls.users("fo", 2);
    String owner = users.get(0);
    String other = users.get(1);
    String friendLog = calls.incremental(owner, "", 0).get("versionID").asString();
    String blackLog = incrementalBlacks(owner, "", 0).get("versionID").asString();
    long before = System.currentTimeMillis();
    calls.befriend(owner, other);
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", other));
    long after = System.currentTimeMillis();

    assertSeconds(data(calls.post(LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE)))
        .get("friendsInfo").get(0), before, after);
    assertSeconds(data(calls.post(DESIGNATED, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(other))))
        .get("friendsInfo").get(0), before, after);
    assertSeconds(calls.incremental(owner, friendLog, 1).get("insert").get(0), before, after);
    assertSeconds(data(calls.post(BLACK_LIST, owner, Map.of("userID", owner, "pagination", FIRST_PAGE)))
        .get("blacks").get(0), before, after);
    assertSeconds(incrementalBlacks(owner, blackLog, 1).get("insert").get(0), before, after);

    JsonNode info = data(calls.post(SPECIFIED_INFO, owner, Map.of("ownerUserID", owner,
        "userIDList", List.of(other)))).get("infos").get(0);
    assertThat(info.get("friendInfo").get("createTime").asLong()).isBetween(before, after);
    assertThat(info.get("blackInfo").get("createTime").asLong()).isBetween(before, after);
    assertThat(data(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", owner, "userIDList", List.of(other))))
        .get("blacks").get(0).get("createTime").asLong()).isBetween(before, after);
    assertThat(data(calls.post(RECEIVED, other, Map.of("userID", other, "pagination", FIRST_PAGE)))
        .get("FriendRequests").get(0).get("createTime").asLong()).as("requests are milliseconds in both")
        .isBetween(before, after);
  }

  @Test
  void missingUsersAndRecordsAreRecordNotFound1004() {
    List<String> users = calls.users("fo", 2);
    String owner = users.get(0);
    assertError(calls.post(ADD_FRIEND, owner, Map.of("fromUserID", owner, "toUserID", "nobody_" + owner)), 1004,
        "user not found");
    assertError(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", owner)), 1004, "");
    assertError(client.post(IMPORT, client.adminToken(), Map.of("ownerUserID", owner,
        "friendUserIDs", List.of(owner))), 1004, "user not found");
    assertError(calls.post(REMARK, owner, Map.of("ownerUserID", owner, "friendUserID", users.get(1))), 1004, "");
    assertThat(calls.post(ADD_FRIEND, owner, Map.of("fromUserID", owner, "toUserID", users.get(1))).text())
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
  }

  private JsonNode incrementalBlacks(String owner, String versionID, long version) {
    return calls.ok(INCREMENTAL_BLACKS, owner, Map.of("userID", owner, "versionID", versionID, "version", version));
  }

  private static void assertSeconds(JsonNode withCreateTime, long beforeMillis, long afterMillis) {
    assertThat(withCreateTime.get("createTime").asLong()).isBetween(beforeMillis / 1000, afterMillis / 1000);
  }
}
