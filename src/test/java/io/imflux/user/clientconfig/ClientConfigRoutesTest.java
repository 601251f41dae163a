package io.imflux.user.clientconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Routes 26–28 (spec/api-auth-user.md §26–28). Global entries are shared by every test on this server, so each
 * test removes the global keys it set.
 */
@ImfluxTest
class ClientConfigRoutesTest {

  static final String GET = "/user/get_user_client_config";
  static final String SET = "/user/set_user_client_config";
  static final String DEL = "/user/del_user_client_config";
  static final String PAGE = "/user/page_user_client_config";

  @LocalServerPort
  int port;

  private ApiClient api;
  private String admin;
  private String user;
  private String token;
  private final List<String> globalKeys = new ArrayList<>();

  @BeforeEach
  void registerUser() {
    api = new ApiClient(port);
    admin = api.adminToken();
    user = ApiClient.uniqueId("cfg");
    api.register(user);
    token = api.userToken(user, 2);
  }

  @AfterEach
  void removeGlobalKeys() {
    api.ok(DEL, admin, Map.of("userID", "", "keys", globalKeys));
  }

  @Test
  void withNothingConfiguredConfigsIsLeftOut() {
    ApiClient.Result global = api.post(GET, token, "{}");
    assertEquals("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":{}}", global.text());
    assertEquals("{}", api.ok(GET, token, Map.of("userID", user)).toString());
  }

  @Test
  void aUserSeesTheGlobalSettingsOverlaidWithTheirOwn() {
    String shared = key("shared");
    String overridden = key("overridden");
    String own = key("own");
    setGlobal(Map.of(shared, "g1", overridden, "g2"));
    ApiClient.Result set = api.post(SET, admin, Map.of("userID", user, "configs", Map.of(overridden, "u2", own, "u3")));
    assertEquals("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}", set.text());

    assertEquals(configs(Map.of(shared, "g1", overridden, "u2", own, "u3")),
        api.ok(GET, token, Map.of("userID", user)));
    assertEquals(configs(Map.of(shared, "g1", overridden, "g2")), api.ok(GET, token, Map.of("userID", "")));

    String other = ApiClient.uniqueId("cfg_other");
    api.register(other);
    assertEquals(configs(Map.of(shared, "g1", overridden, "g2")),
        api.ok(GET, api.userToken(other, 2), Map.of("userID", other)));
  }

  @Test
  void setReplacesValuesAndAnEmptyOrMissingMapChangesNothing() {
    api.ok(SET, admin, Map.of("userID", user, "configs", Map.of("theme", "dark", "lang", "en")));
    api.ok(SET, admin, Map.of("userID", user, "configs", Map.of("theme", "light", "lang", "")));
    api.ok(SET, admin, Map.of("userID", user, "configs", Map.of()));
    api.ok(SET, admin, Map.of("userID", user));

    assertEquals(configs(Map.of("lang", "", "theme", "light")), api.ok(GET, token, Map.of("userID", user)));
  }

  @Test
  void setIsForAdminsAndForUsersWhoExist() {
    ApiClient.Result byUser = api.post(SET, token, Map.of("userID", user, "configs", Map.of("k", "v")));
    assertEquals(1002, byUser.errCode());

    String ghost = ApiClient.uniqueId("ghost");
    ApiClient.Result unknown = api.post(SET, admin, Map.of("userID", ghost, "configs", Map.of("k", "v")));
    assertEquals(1003, unknown.errCode());
    assertEquals("UserIDNotFoundError", unknown.json().get("errMsg").asString());

    assertEquals("{}", api.ok(GET, token, Map.of("userID", user)).toString());
  }

  @Test
  void getOfAnotherUserIsRefusedButAnAdminMayReadAnyUser() {
    api.ok(SET, admin, Map.of("userID", user, "configs", Map.of("k", "v")));
    String other = ApiClient.uniqueId("cfg_other");
    api.register(other);

    assertEquals(1002, api.post(GET, api.userToken(other, 2), Map.of("userID", user)).errCode());
    assertEquals(configs(Map.of("k", "v")), api.ok(GET, admin, Map.of("userID", user)));

    ApiClient.Result unknown = api.post(GET, admin, Map.of("userID", ApiClient.uniqueId("ghost")));
    assertEquals(1003, unknown.errCode());
  }

  @Test
  void deleteRemovesTheListedKeysOfOneScopeOnly() {
    String both = key("both");
    setGlobal(Map.of(both, "global"));
    api.ok(SET, admin, Map.of("userID", user, "configs", Map.of(both, "mine", "keep", "1", "drop", "2")));

    ApiClient.Result deleted = api.post(DEL, admin, Map.of("userID", user, "keys", List.of(both, "drop", "never set")));
    assertEquals("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}", deleted.text());
    api.ok(DEL, admin, Map.of("userID", user, "keys", List.of()));
    api.ok(DEL, admin, Map.of("userID", ApiClient.uniqueId("ghost"), "keys", List.of("keep")));

    assertEquals(configs(Map.of(both, "global", "keep", "1")), api.ok(GET, token, Map.of("userID", user)));
    assertEquals(1002, api.post(DEL, token, Map.of("userID", user, "keys", List.of("keep"))).errCode());
  }

  @Test
  void anIdWithAColonNeverReachesAnotherUsersKeys() {
    api.ok(SET, admin, Map.of("userID", user, "configs", Map.of("a:b", "v")));

    api.ok(DEL, admin, Map.of("userID", user + ":a", "keys", List.of("b")));
    JsonNode page = api.ok(PAGE, admin,
        Map.of("userID", user + ":a", "pagination", Map.of("pageNumber", 1, "showNumber", 10)));

    assertEquals("{\"total\":0,\"configs\":[]}", page.toString());
    assertEquals(configs(Map.of("a:b", "v")), api.ok(GET, token, Map.of("userID", user)));
  }

  @Test
  void mistypedFieldsAre1001() {
    String u = "\"userID\":\"" + user + "\"";
    List<String> calls = List.of(
        GET + " {\"userID\":5}",
        SET + " {" + u + ",\"configs\":[]}",
        SET + " {" + u + ",\"configs\":{\"k\":1}}",
        DEL + " {" + u + ",\"keys\":\"k\"}",
        DEL + " {" + u + ",\"keys\":[1]}",
        PAGE + " {\"key\":false}",
        PAGE + " {\"pagination\":{\"pageNumber\":\"1\"}}",
        SET + " not json");
    for (String call : calls) {
      String[] parts = call.split(" ", 2);
      ApiClient.Result result = api.post(parts[0], admin, parts[1]);
      assertEquals(200, result.status(), call);
      assertEquals(1001, result.errCode(), call);
    }
  }

  private void setGlobal(Map<String, String> configs) {
    globalKeys.addAll(configs.keySet());
    api.ok(SET, admin, Map.of("userID", "", "configs", configs));
  }

  private static String key(String name) {
    return ApiClient.uniqueId(name);
  }

  /** The expected {@code data}: {@code {"configs": {...}}}. */
  private static JsonNode configs(Map<String, String> configs) {
    return ApiClient.JSON.valueToTree(Map.of("configs", configs));
  }
}
