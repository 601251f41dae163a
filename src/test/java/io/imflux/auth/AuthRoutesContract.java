package io.imflux.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ApiClient.Result;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The /auth/* routes over real HTTP (spec/api-auth-user.md §1-§4). Each dialect runs the same behaviour with its
 * own numbers: subclasses say which.
 */
abstract class AuthRoutesContract {

  @LocalServerPort
  int port;

  ApiClient api;

  /** The platform IDs of Android and Admin, and the token error codes, in the dialect under test. */
  abstract int adminPlatform();

  abstract int linuxPlatform();

  abstract int userNotFound();

  abstract int tokenError(int openimCode);

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @Test
  void adminTokenIsIssuedForTheSecretAndAnAdminUser() {
    JsonNode data = api.ok("/auth/get_admin_token", null, Map.of("secret", ApiClient.SECRET, "userID", "imAdmin"));

    assertThat(data.get("expireTimeSeconds").asLong()).isEqualTo(7_776_000L);
    JsonNode parsed = api.ok("/auth/parse_token", null, Map.of("token", data.get("token").asString()));
    assertThat(parsed.get("userID").asString()).isEqualTo("imAdmin");
    assertThat(parsed.get("platformID").asInt()).isEqualTo(adminPlatform());
    assertThat(parsed.get("expireTimeSeconds").asLong())
        .isBetween(System.currentTimeMillis() / 1000 + 7_776_000L - 60, System.currentTimeMillis() / 1000 + 7_776_000L + 60);
  }

  @Test
  void adminTokenChecksUserIDThenSecretThenAdminList() {
    assertThat(api.post("/auth/get_admin_token", null, Map.of("secret", "wrong")).errCode()).isEqualTo(1001);
    assertThat(api.post("/auth/get_admin_token", null, Map.of("secret", "wrong", "userID", "imAdmin")).errCode())
        .isEqualTo(1002);
    assertThat(api.post("/auth/get_admin_token", null, Map.of("secret", ApiClient.SECRET, "userID", "bob")).errCode())
        .isEqualTo(1001);
    assertThat(api.post("/auth/get_admin_token", null, "{\"secret\":1,\"userID\":\"imAdmin\"}").errCode())
        .isEqualTo(1001);
  }

  @Test
  void aNewAdminTokenLeavesTheOldOneValidDuringTheGracePeriod() {
    String first = api.ok("/auth/get_admin_token", null, Map.of("secret", ApiClient.SECRET, "userID", "imAdmin"))
        .get("token").asString();
    api.ok("/auth/get_admin_token", null, Map.of("secret", ApiClient.SECRET, "userID", "imAdmin"));

    assertThat(api.post("/auth/parse_token", null, Map.of("token", first)).errCode()).isZero();
  }

  @Test
  void userTokenIsIssuedForAnExistingUserOnAPlatform() {
    String user = ApiClient.uniqueId("auth");
    api.register(user);

    JsonNode data = api.ok("/auth/get_user_token", api.adminToken(),
        Map.of("userID", user, "platformID", linuxPlatform()));

    assertThat(data.get("expireTimeSeconds").asLong()).isEqualTo(7_776_000L);
    JsonNode parsed = api.ok("/auth/parse_token", null, Map.of("token", data.get("token").asString()));
    assertThat(parsed.get("userID").asString()).isEqualTo(user);
    assertThat(parsed.get("platformID").asInt()).isEqualTo(linuxPlatform());
  }

  @Test
  void userTokenRefusesWhatTheSpecRefuses() {
    String user = ApiClient.uniqueId("auth");
    String robot = ApiClient.uniqueId("robot");
    api.register(user);
    api.ok("/user/user_register", api.adminToken(),
        Map.of("users", java.util.List.of(Map.of("userID", robot, "nickname", "bot", "appMangerLevel", 3))));
    String userToken = api.userToken(user, 2);

    assertThat(api.post("/auth/get_user_token", userToken, Map.of("userID", user, "platformID", 2)).errCode())
        .as("not admin").isEqualTo(1002);
    assertThat(api.post("/auth/get_user_token", api.adminToken(), Map.of("userID", user, "platformID", adminPlatform()))
        .errCode()).as("admin platform").isEqualTo(1002);
    assertThat(api.post("/auth/get_user_token", api.adminToken(), Map.of("userID", user, "platformID", 42)).errCode())
        .as("unknown platform").isEqualTo(1001);
    assertThat(api.post("/auth/get_user_token", api.adminToken(), Map.of("userID", "imAdmin", "platformID", 2))
        .errCode()).as("admin user").isEqualTo(1002);
    assertThat(api.post("/auth/get_user_token", api.adminToken(), Map.of("userID", "nobody_here", "platformID", 2))
        .errCode()).as("unknown user").isEqualTo(userNotFound());
    assertThat(api.post("/auth/get_user_token", api.adminToken(), Map.of("userID", robot, "platformID", 2)).errCode())
        .as("app account").isEqualTo(1001);
    assertThat(api.post("/auth/get_user_token", api.adminToken(), "{\"userID\":\"" + user + "\",\"platformID\":\"2\"}")
        .errCode()).as("quoted number").isEqualTo(1001);
  }

  @Test
  void aSecondTokenOnTheSamePlatformKicksTheFirst() {
    String user = ApiClient.uniqueId("auth");
    api.register(user);
    String first = api.userToken(user, 2);
    String second = api.userToken(user, 2);

    assertThat(api.post("/user/get_users_info", first, Map.of("userIDs", java.util.List.of(user))).errCode())
        .isEqualTo(tokenError(1506));
    String other = api.userToken(user, 3);
    assertThat(api.post("/user/get_users_info", second, Map.of("userIDs", java.util.List.of(user))).errCode()).isZero();
    assertThat(api.post("/user/get_users_info", other, Map.of("userIDs", java.util.List.of(user))).errCode()).isZero();
    assertThat(api.post("/user/get_users_info", first, Map.of("userIDs", java.util.List.of(user))).errCode())
        .as("the next issuance forgets kicked tokens").isEqualTo(tokenError(1507));
  }

  @Test
  void parseTokenReportsWhyATokenIsNotAccepted() {
    assertThat(api.post("/auth/parse_token", null, Map.of("token", "")).errCode()).isEqualTo(1001);
    Result garbage = api.post("/auth/parse_token", null, Map.of("token", "garbage"));
    assertThat(garbage.errCode()).isEqualTo(tokenError(1503));
    assertThat(api.post("/auth/parse_token", null, Map.of("token", "a.b.c")).errCode())
        .isIn(tokenError(1503), tokenError(1505));
  }

  @Test
  void forceLogoutKicksEveryTokenOfThatPlatformOnly() {
    String user = ApiClient.uniqueId("auth");
    api.register(user);
    String android = api.userToken(user, 2);
    String windows = api.userToken(user, 3);

    assertThat(api.post("/auth/force_logout", android, Map.of("userID", user, "platformID", 2)).errCode())
        .as("not admin").isEqualTo(1002);
    Result result = api.post("/auth/force_logout", api.adminToken(), Map.of("userID", user, "platformID", 2));

    assertThat(result.errCode()).isZero();
    assertThat(result.json().has("data")).isFalse();
    assertThat(api.post("/auth/parse_token", null, Map.of("token", android)).errCode()).isEqualTo(tokenError(1506));
    assertThat(api.post("/auth/parse_token", null, Map.of("token", windows)).errCode()).isZero();
    assertThat(api.post("/auth/force_logout", api.adminToken(), Map.of("userID", user, "platformID", 0)).errCode())
        .isEqualTo(1001);
    assertThat(api.post("/auth/force_logout", api.adminToken(), Map.of("platformID", 2)).errCode()).isEqualTo(1001);
    assertThat(api.post("/auth/force_logout", api.adminToken(), Map.of("userID", "nobody_at_all", "platformID", 2))
        .errCode()).as("succeeds for unknown users").isZero();
  }
}
