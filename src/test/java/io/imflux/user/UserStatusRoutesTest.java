package io.imflux.user;

import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Platform;
import io.imflux.presence.Connection;
import io.imflux.presence.Presence;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The online-status routes (spec/api-auth-user.md §13-§17) in the document dialect, with connections registered in
 * the {@link Presence} port as the gateway will.
 */
@ImfluxTest
class UserStatusRoutesTest {

  @LocalServerPort
  int port;

  @Autowired
  Presence presence;

  ApiClient client;
  String online;
  String offline;
  String token;
  final List<Connection> registered = new ArrayList<>();

  @BeforeEach
  void users() {
    client = new ApiClient(port);
    online = ApiClient.uniqueId("on");
    offline = ApiClient.uniqueId("off");
    client.register(online, offline);
    token = client.userToken(offline, 2);
    connect(new Connection(online, Platform.LINUX, "c1", "tok1", false));
    connect(new Connection(online, Platform.IPAD, "c2", "tok2", true));
    connect(new Connection(online, Platform.LINUX, "c3", "tok3", false));
  }

  @AfterEach
  void disconnect() {
    registered.forEach(c -> presence.unregister(c.userID(), c.connID()).block());
  }

  @Test
  void onlineStatusListsEveryRequestedUserWithItsConnections() {
    JsonNode data = data(client.post("/user/get_users_online_status", client.adminToken(),
        Map.of("userIDs", List.of(offline, online, offline))));
    assertThat(data.isArray()).isTrue();
    assertThat(data.size()).isEqualTo(3);
    assertThat(data.get(0).toString())
        .isEqualTo("{\"userID\":\"" + offline + "\",\"status\":0,\"detailPlatformStatus\":[]}");
    assertThat(data.get(2)).isEqualTo(data.get(0));
    JsonNode on = data.get(1);
    assertThat(keys(on)).containsExactly("userID", "status", "detailPlatformStatus");
    assertThat(on.get("status").asInt()).isEqualTo(1);
    // Document dialect: Linux is 6, iPad 7 (spec/dialects.md §2).
    assertThat(on.get("detailPlatformStatus").values().stream().map(JsonNode::toString)).containsExactlyInAnyOrder(
        "{\"platformID\":6,\"connID\":\"c1\",\"isBackground\":false,\"token\":\"tok1\"}",
        "{\"platformID\":7,\"connID\":\"c2\",\"isBackground\":true,\"token\":\"tok2\"}",
        "{\"platformID\":6,\"connID\":\"c3\",\"isBackground\":false,\"token\":\"tok3\"}");
  }

  @Test
  void onlineStatusIsForAdminsAndBindsStrictly() {
    assertError(client.post("/user/get_users_online_status", token, Map.of("userIDs", List.of(online))), 1002, "");
    var malformed = client.post("/user/get_users_online_status", client.adminToken(), "{\"userIDs\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errCode()).isEqualTo(1001);
    assertThat(client.post("/user/get_users_online_status", client.adminToken(), "{\"userIDs\":\"x\"}").status())
        .isEqualTo(400);
    assertThat(client.post("/user/get_users_online_status", client.adminToken(), "{}").text())
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":[]}");
  }

  @Test
  void tokenDetailListsOnlyOnlineUsersWithTheirTokensPerPlatform() {
    JsonNode data = data(client.post("/user/get_users_online_token_detail", client.adminToken(),
        Map.of("userIDs", List.of(offline, online, "nobody"))));
    assertThat(data.isArray()).isTrue();
    assertThat(data.size()).isEqualTo(1);
    JsonNode detail = data.get(0);
    assertThat(keys(detail)).containsExactly("userID", "status", "singlePlatformToken");
    assertThat(detail.get("userID").asString()).isEqualTo(online);
    assertThat(detail.get("status").asInt()).isEqualTo(1);
    assertThat(detail.get("singlePlatformToken").values().stream().map(JsonNode::toString))
        .containsExactlyInAnyOrder(
            "{\"platformID\":6,\"total\":2,\"token\":[\"tok1\",\"tok3\"]}",
            "{\"platformID\":7,\"total\":1,\"token\":[\"tok2\"]}");
  }

  @Test
  void tokenDetailTellsNonAdminsNothingAndBindsStrictly() {
    assertThat(client.post("/user/get_users_online_token_detail", token, Map.of("userIDs", List.of(online))).text())
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":[]}");
    var malformed = client.post("/user/get_users_online_token_detail", client.adminToken(), "[");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.errCode()).isEqualTo(1001);
  }

  @Test
  void usersStatusReportsPlatformsInRequestOrderWithDuplicates() {
    JsonNode list = data(client.post("/user/get_users_status", token,
        Map.of("userID", "ignored", "userIDs", List.of(online, "nobody", online)))).get("statusList");
    assertThat(list.toString()).isEqualTo("["
        + "{\"userID\":\"" + online + "\",\"status\":1,\"platformIDs\":[6,7]},"
        + "{\"userID\":\"nobody\",\"status\":0,\"platformIDs\":[]},"
        + "{\"userID\":\"" + online + "\",\"status\":1,\"platformIDs\":[6,7]}]");
  }

  @Test
  void usersStatusNeedsANonEmptyList() {
    assertError(client.post("/user/get_users_status", token, "{}"), 1001, "UserIDs is empty");
    assertError(client.post("/user/get_users_status", token, "{\"userIDs\":[]}"), 1001, "UserIDs is empty");
    assertError(client.post("/user/get_users_status", token, "{\"userIDs\":\"x\"}"), 1001, "");
  }

  @Test
  void subscribeAnswersCurrentStatusAndKeepsTheSubscriptionUntilCancelled() {
    JsonNode subscribed = data(client.post("/user/subscribe_users_status", token,
        Map.of("userID", offline, "userIDs", List.of(online, "zz_nobody", "aa_nobody"), "genre", 1)));
    assertThat(subscribed.get("statusList").toString()).isEqualTo("["
        + "{\"userID\":\"" + online + "\",\"status\":1,\"platformIDs\":[6,7]},"
        + "{\"userID\":\"zz_nobody\",\"status\":0,\"platformIDs\":[]},"
        + "{\"userID\":\"aa_nobody\",\"status\":0,\"platformIDs\":[]}]");

    JsonNode followed = data(client.post("/user/get_subscribe_users_status", token, Map.of("userID", offline)));
    assertThat(followed.get("statusList").values().stream().map(s -> s.get("userID").asString()))
        .containsExactly("aa_nobody", online, "zz_nobody");

    JsonNode cancelled = data(client.post("/user/subscribe_users_status", token,
        Map.of("userID", offline, "userIDs", List.of("zz_nobody", "aa_nobody"), "genre", 2)));
    assertThat(cancelled.toString()).isEqualTo("{\"statusList\":[]}");
    followed = data(client.post("/user/get_subscribe_users_status", token, Map.of("userID", offline)));
    assertThat(followed.get("statusList").values().stream().map(s -> s.get("userID").asString()))
        .containsExactly(online);
  }

  @Test
  void subscribeChecksArgumentsLimitsPermissionAndTheSubscriber() {
    assertError(client.post("/user/subscribe_users_status", token,
        Map.of("userIDs", List.of(online), "genre", 1)), 1001, "UserID is empty");
    assertError(client.post("/user/subscribe_users_status", token,
        Map.of("userID", offline, "genre", 1)), 1001, "subscription User-list is empty");
    for (int genre : new int[] {0, 3}) {
      assertError(client.post("/user/subscribe_users_status", token,
          Map.of("userID", offline, "userIDs", List.of(online), "genre", genre)), 1001,
          "invalid subscription type parameter");
    }
    assertError(client.post("/user/subscribe_users_status", token,
        "{\"userID\":\"" + offline + "\",\"userIDs\":[],\"genre\":\"1\"}"), 1001, "");
    List<String> tooMany = IntStream.range(0, 1001).mapToObj(i -> "u" + i).toList();
    assertError(client.post("/user/subscribe_users_status", token,
        Map.of("userID", offline, "userIDs", tooMany, "genre", 1)), 1001, "1000");
    assertThat(data(client.post("/user/subscribe_users_status", token,
        Map.of("userID", offline, "userIDs", Collections.nCopies(1000, online), "genre", 1)))
        .get("statusList").size()).isEqualTo(1000);

    assertError(client.post("/user/subscribe_users_status", token,
        Map.of("userID", online, "userIDs", List.of(offline), "genre", 1)), 1002, "");
    String ghost = ApiClient.uniqueId("ghost");
    assertError(client.post("/user/subscribe_users_status", client.adminToken(),
        Map.of("userID", ghost, "userIDs", List.of(online), "genre", 1)), 1003, ghost);
    assertThat(data(client.post("/user/subscribe_users_status", client.adminToken(),
        Map.of("userID", online, "userIDs", List.of(), "genre", 1))).toString()).isEqualTo("{\"statusList\":[]}");
  }

  @Test
  void subscribedStatusIsSelfOrAdmin() {
    assertError(client.post("/user/get_subscribe_users_status", token, "{}"), 1001, "UserID is empty");
    assertError(client.post("/user/get_subscribe_users_status", token, Map.of("userID", online)), 1002, "");
    assertThat(data(client.post("/user/get_subscribe_users_status", client.adminToken(),
        Map.of("userID", online))).toString()).isEqualTo("{\"statusList\":[]}");
  }

  private void connect(Connection connection) {
    presence.register(connection).block();
    registered.add(connection);
  }
}
