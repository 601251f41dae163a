package io.imflux.user.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Routes 23–24 (spec/api-auth-user.md §23–24). */
@ImfluxTest
class NotificationAccountRoutesTest {

  static final String ADD = "/user/add_notification_account";
  static final String UPDATE = "/user/update_notification_account";
  static final String SEARCH = "/user/search_notification_account";

  @LocalServerPort
  int port;

  @Autowired
  UserStore users;

  private ApiClient api;
  private String admin;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    admin = api.adminToken();
  }

  @Test
  void withoutAUserIdTheServerGeneratesTenDigits() {
    JsonNode data = api.ok(ADD, admin,
        Map.of("nickName", "Bulletin", "faceURL", "http://f/b.png", "appMangerLevel", 3));

    assertEquals(List.of("userID", "faceURL", "nickName", "appMangerLevel"), List.copyOf(data.propertyNames()));
    String userID = data.get("userID").asString();
    assertTrue(userID.matches("[1-9][0-9]{9}"), userID);
    assertEquals("http://f/b.png", data.get("faceURL").asString());
    assertEquals("Bulletin", data.get("nickName").asString());
    assertEquals(3, data.get("appMangerLevel").asInt());

    User stored = stored(userID);
    assertEquals("Bulletin", stored.nickname());
    assertEquals(3, stored.appMangerLevel());
    assertEquals(0, stored.globalRecvMsgOpt());
    assertEquals("", stored.ex());
    assertTrue(stored.createTime() > 1_600_000_000_000L);
  }

  @Test
  void aGivenUserIdIsKeptAndCannotBeUsedTwice() {
    String id = ApiClient.uniqueId("robot");
    JsonNode data = api.ok(ADD, admin, Map.of("userID", id, "nickName", "Robot", "appMangerLevel", 4));
    assertEquals("{\"userID\":\"" + id + "\",\"faceURL\":\"\",\"nickName\":\"Robot\",\"appMangerLevel\":4}",
        data.toString());

    ApiClient.Result again = api.post(ADD, admin, Map.of("userID", id, "nickName", "Robot 2", "appMangerLevel", 3));
    assertEquals(1001, again.errCode());
    assertEquals("userID is used", again.json().get("errDlt").asString());
    assertEquals("Robot", stored(id).nickname());
  }

  @Test
  void theIdOfAnOrdinaryUserIsUsedToo() {
    String id = ApiClient.uniqueId("plain");
    api.register(id);

    ApiClient.Result result = api.post(ADD, admin, Map.of("userID", id, "nickName", "N", "appMangerLevel", 3));

    assertEquals(1001, result.errCode());
    assertEquals("userID is used", result.json().get("errDlt").asString());
    assertEquals(0, stored(id).appMangerLevel());
  }

  @Test
  void levelsBelowThreeAreNotSupported() {
    for (int level : new int[] {0, 1, 2}) {
      String id = ApiClient.uniqueId("low");
      ApiClient.Result result = api.post(ADD, admin, Map.of("userID", id, "nickName", "N", "appMangerLevel", level));
      assertEquals(1001, result.errCode());
      assertEquals("app level not supported", result.json().get("errDlt").asString());
    }
  }

  @Test
  void anIdWithCharactersRegistrationRefusesIsRejected() {
    for (String id : List.of("a:b", "has space", "dash-ed")) {
      ApiClient.Result result = api.post(ADD, admin, Map.of("userID", id, "nickName", "N", "appMangerLevel", 3));
      assertEquals(1001, result.errCode(), id);
    }
  }

  @Test
  void addChecksTheNicknameBeforePermissionAndThenNeedsAnAdmin() {
    String user = ApiClient.uniqueId("acc_user");
    api.register(user);
    String userToken = api.userToken(user, 2);

    ApiClient.Result noNickname = api.post(ADD, userToken, Map.of("appMangerLevel", 3));
    assertEquals(1001, noNickname.errCode());
    assertEquals("nickName is empty", noNickname.json().get("errDlt").asString());

    ApiClient.Result notAdmin = api.post(ADD, userToken, Map.of("nickName", "N", "appMangerLevel", 3));
    assertEquals(1002, notAdmin.errCode());
    // Permission comes before the level rule.
    assertEquals(1002, api.post(ADD, userToken, Map.of("nickName", "N", "appMangerLevel", 1)).errCode());
  }

  @Test
  void mistypedFieldsAre1001() {
    for (String body : List.of("{\"nickName\":5,\"appMangerLevel\":3}", "{\"nickName\":\"N\",\"appMangerLevel\":\"3\"}",
        "{\"userID\":false,\"nickName\":\"N\",\"appMangerLevel\":3}", "")) {
      assertEquals(1001, api.post(ADD, admin, body).errCode(), body);
    }
    assertEquals(1001, api.post(UPDATE, admin, "{\"userID\":1,\"nickName\":\"N\"}").errCode());
  }

  @Test
  void updateChangesOnlyTheNonEmptyFields() {
    String id = ApiClient.uniqueId("acc_upd");
    api.ok(ADD, admin, Map.of("userID", id, "nickName", "Old", "faceURL", "old.png", "appMangerLevel", 3));

    ApiClient.Result renamed = api.post(UPDATE, admin, Map.of("userID", id, "nickName", "New"));
    assertEquals("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}", renamed.text());
    assertEquals("New", stored(id).nickname());
    assertEquals("old.png", stored(id).faceURL());

    api.ok(UPDATE, admin, Map.of("userID", id, "faceURL", "new.png", "nickName", ""));
    assertEquals("New", stored(id).nickname());
    assertEquals("new.png", stored(id).faceURL());
  }

  @Test
  void updateRulesAndErrors() {
    String user = ApiClient.uniqueId("acc_user");
    api.register(user);
    String userToken = api.userToken(user, 2);

    ApiClient.Result noUser = api.post(UPDATE, admin, Map.of("nickName", "N"));
    assertEquals(1001, noUser.errCode());
    assertEquals("userID is empty", noUser.json().get("errDlt").asString());

    ApiClient.Result nothing = api.post(UPDATE, userToken, Map.of("userID", user, "nickName", "", "faceURL", ""));
    assertEquals(1001, nothing.errCode());
    assertEquals("faceURL and nickName is empty at the same", nothing.json().get("errDlt").asString());

    assertEquals(1002, api.post(UPDATE, userToken, Map.of("userID", user, "nickName", "N")).errCode());
    assertEquals(user, stored(user).nickname());

    ApiClient.Result missing = api.post(UPDATE, admin, Map.of("userID", ApiClient.uniqueId("ghost"), "nickName", "N"));
    assertEquals(1001, missing.errCode());
  }

  /** The stored user, read straight from the store (on the test thread, where blocking is fine). */
  private User stored(String userID) {
    User user = users.find(userID).block(Duration.ofSeconds(10));
    assertNotNull(user, userID);
    return user;
  }
}
