package io.imflux.user;

import static io.imflux.testing.Envelopes.USER_INFO_KEYS;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static io.imflux.testing.Envelopes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /user/get_users_info}, {@code /user/get_all_users_uid}, {@code /user/account_check} and
 * {@code /user/get_users} (spec/api-auth-user.md §9-§12).
 */
@ImfluxTest
class UserQueryRoutesTest {

  @LocalServerPort
  int port;

  ApiClient client;

  @BeforeEach
  void client() {
    client = new ApiClient(port);
  }

  @Test
  void usersInfoSkipsUnknownIDsCollapsesDuplicatesAndShowsEveryKey() {
    String a = ApiClient.uniqueId("info");
    String b = ApiClient.uniqueId("info");
    client.register(a, b);
    String token = client.userToken(a, 2);
    JsonNode data = data(client.post("/user/get_users_info", token,
        Map.of("userIDs", List.of(b, "nobody_" + a, a, b, ApiClient.ADMIN_ID))));
    assertThat(keys(data)).containsExactly("usersInfo");
    JsonNode infos = data.get("usersInfo");
    assertThat(infos.values()).allSatisfy(info -> assertThat(keys(info)).isEqualTo(USER_INFO_KEYS));
    assertThat(infos.values().stream().map(info -> info.get("userID").asString()))
        .containsExactlyInAnyOrder(a, b, ApiClient.ADMIN_ID);
    JsonNode admin = infos.values().stream()
        .filter(info -> info.get("userID").asString().equals(ApiClient.ADMIN_ID)).findFirst().orElseThrow();
    assertThat(admin.get("appMangerLevel").asInt()).isEqualTo(2);
    assertThat(admin.get("nickname").asString()).isEqualTo("superAdmin");
  }

  @Test
  void usersInfoNeedsTheListButAcceptsAnEmptyOne() {
    String token = client.adminToken();
    assertThat(client.post("/user/get_users_info", token, "{\"userIDs\":[]}").text())
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":{\"usersInfo\":[]}}");
    assertError(client.post("/user/get_users_info", token, "{}"), 1001, "UserIDs is empty");
    assertError(client.post("/user/get_users_info", token, "{\"userIDs\":null}"), 1001, "UserIDs is empty");
    assertError(client.post("/user/get_users_info", token, "{\"userIDs\":\"x\"}"), 1001, "");
    assertError(client.post("/user/get_users_info", token, "{\"userIDs\":[1]}"), 1001, "");
    assertError(client.post("/user/get_users_info", token, "not json"), 1001, "");
  }

  @Test
  void allUserIDsPagesEveryUserInInsertionOrder() {
    List<String> mine = List.of(ApiClient.uniqueId("all"), ApiClient.uniqueId("all"), ApiClient.uniqueId("all"));
    mine.forEach(client::register);
    String token = client.userToken(mine.get(0), 2);

    int total = data(client.post("/user/get_all_users_uid", token,
        Map.of("pagination", Map.of("pageNumber", 1, "showNumber", 1)))).get("total").asInt();
    assertThat(total).isGreaterThanOrEqualTo(mine.size() + 1);

    List<String> everyone = new ArrayList<>();
    for (int page = 1; everyone.size() < total; page++) {
      JsonNode data = data(client.post("/user/get_all_users_uid", token,
          Map.of("pagination", Map.of("pageNumber", page, "showNumber", 2))));
      assertThat(keys(data)).containsExactly("total", "userIDs");
      List<String> ids = texts(data.get("userIDs"));
      assertThat(ids).isNotEmpty().hasSizeLessThanOrEqualTo(2);
      everyone.addAll(ids);
    }
    assertThat(everyone).hasSize(total).doesNotHaveDuplicates().contains(ApiClient.ADMIN_ID);
    assertThat(everyone.stream().filter(mine::contains).toList()).isEqualTo(mine);

    JsonNode beyond = data(client.post("/user/get_all_users_uid", token,
        Map.of("pagination", Map.of("pageNumber", total + 1, "showNumber", 1))));
    assertThat(beyond.get("userIDs").size()).isZero();
    JsonNode none = data(client.post("/user/get_all_users_uid", token,
        Map.of("pagination", Map.of("pageNumber", 1, "showNumber", 0))));
    assertThat(none.get("total").asInt()).isGreaterThanOrEqualTo(total);
    assertThat(none.get("userIDs").isArray()).isTrue();
    assertThat(none.get("userIDs").size()).isZero();
  }

  @Test
  void allUserIDsNeedsAPaginationFromPageOne() {
    String token = client.adminToken();
    assertError(client.post("/user/get_all_users_uid", token, "{}"), 1001, "pagination is empty");
    assertError(client.post("/user/get_all_users_uid", token, "{\"pagination\":null}"), 1001, "pagination is empty");
    assertError(client.post("/user/get_all_users_uid", token,
        Map.of("pagination", Map.of("pageNumber", 0, "showNumber", 10))), 1001, "pageNumber is invalid");
    assertError(client.post("/user/get_all_users_uid", token,
        "{\"pagination\":{\"pageNumber\":\"1\",\"showNumber\":10}}"), 1001, "");
    assertError(client.post("/user/get_all_users_uid", token,
        "{\"pagination\":{\"pageNumber\":1,\"showNumber\":1e1}}"), 1001, "");
    assertError(client.post("/user/get_all_users_uid", token,
        "{\"pagination\":{\"pageNumber\":4294967296,\"showNumber\":1}}"), 1001, "");
  }

  @Test
  void accountCheckAnswersEachIDInRequestOrder() {
    String a = ApiClient.uniqueId("chk");
    client.register(a);
    String unknown = ApiClient.uniqueId("chk");
    JsonNode data = data(client.post("/user/account_check", client.adminToken(),
        Map.of("checkUserIDs", List.of(unknown, a, ApiClient.ADMIN_ID))));
    assertThat(data.toString()).isEqualTo("{\"results\":["
        + "{\"userID\":\"" + unknown + "\",\"accountStatus\":0},"
        + "{\"userID\":\"" + a + "\",\"accountStatus\":1},"
        + "{\"userID\":\"imAdmin\",\"accountStatus\":1}]}");
    assertThat(data(client.post("/user/account_check", client.adminToken(), "{\"checkUserIDs\":[]}")).toString())
        .isEqualTo("{\"results\":[]}");
  }

  @Test
  void accountCheckRejectsDuplicatesBeforeItRejectsNonAdmins() {
    String a = ApiClient.uniqueId("chk");
    client.register(a);
    String token = client.userToken(a, 2);
    assertError(client.post("/user/account_check", token, Map.of("checkUserIDs", List.of(a, a))), 1001,
        "userID repeated");
    assertError(client.post("/user/account_check", token, Map.of("checkUserIDs", List.of(a))), 1002, a);
    assertError(client.post("/user/account_check", token, "{}"), 1001, "CheckUserIDs is empty");
    assertError(client.post("/user/account_check", client.adminToken(), "{\"checkUserIDs\":null}"), 1001,
        "CheckUserIDs is empty");
    assertError(client.post("/user/account_check", client.adminToken(), "{\"checkUserIDs\":\"x\"}"), 1001, "");
  }

  @Test
  void getUsersMatchesIDOrNicknameCaseInsensitivelyAmongOrdinaryUsersOnly() {
    String tag = ApiClient.uniqueId("Srch");
    String byId = tag + "_one";
    String byNick = ApiClient.uniqueId("nick");
    String level1 = tag + "_lvl1";
    client.ok("/user/user_register", client.adminToken(), Map.of("users", List.of(
        Map.of("userID", byId, "nickname", "plain"),
        Map.of("userID", byNick, "nickname", "Hello " + tag),
        Map.of("userID", level1, "nickname", "n", "appMangerLevel", 1),
        Map.of("userID", tag + "_appadmin", "nickname", "n", "appMangerLevel", 2),
        Map.of("userID", tag + "_notice", "nickname", "n", "appMangerLevel", 3),
        Map.of("userID", tag + "_robot", "nickname", "n", "appMangerLevel", 4))));
    String token = client.userToken(byId, 2);
    String pattern = "^" + tag.toUpperCase();

    JsonNode byID = data(client.post("/user/get_users", token,
        Map.of("userID", pattern, "pagination", Map.of("pageNumber", 1, "showNumber", 10))));
    assertThat(keys(byID)).containsExactly("total", "users");
    assertThat(byID.get("total").asInt()).isEqualTo(2);
    // Storage order is whatever the store's query plan yields (an index on _id sorts): only the set is asserted.
    assertThat(ids(byID)).containsExactlyInAnyOrder(byId, level1);
    assertThat(byID.get("users").values()).allSatisfy(u -> assertThat(keys(u)).isEqualTo(USER_INFO_KEYS));

    Map<String, Object> either = Map.of("userID", pattern, "nickName", "hello " + tag.toLowerCase(),
        "pagination", Map.of("pageNumber", 1, "showNumber", 10));
    JsonNode all = data(client.post("/user/get_users", token, either));
    assertThat(all.get("total").asInt()).isEqualTo(3);
    assertThat(ids(all)).containsExactlyInAnyOrder(byId, byNick, level1);

    JsonNode page1 = data(client.post("/user/get_users", token, Map.of("userID", pattern,
        "nickName", "hello " + tag.toLowerCase(), "pagination", Map.of("pageNumber", 1, "showNumber", 2))));
    JsonNode page2 = data(client.post("/user/get_users", token, Map.of("userID", pattern,
        "nickName", "hello " + tag.toLowerCase(), "pagination", Map.of("pageNumber", 2, "showNumber", 2))));
    assertThat(page2.get("total").asInt()).isEqualTo(3);
    assertThat(ids(page1)).hasSize(2);
    List<String> pages = new ArrayList<>(ids(page1));
    pages.addAll(ids(page2));
    assertThat(pages).isEqualTo(ids(all));

    JsonNode everyone = data(client.post("/user/get_users", token,
        Map.of("pagination", Map.of("pageNumber", 1, "showNumber", 100_000))));
    List<String> listed = ids(everyone);
    assertThat(listed).contains(byId, byNick, level1).doesNotContain(ApiClient.ADMIN_ID, tag + "_notice");
    assertThat(everyone.get("total").asInt()).isEqualTo(listed.size());
  }

  @Test
  void getUsersChecksPaginationAndPatterns() {
    String token = client.adminToken();
    assertError(client.post("/user/get_users", token, "{\"userID\":\"a\"}"), 1001, "pagination is empty");
    assertError(client.post("/user/get_users", token,
        Map.of("pagination", Map.of("pageNumber", -1, "showNumber", 10))), 1001, "pageNumber is invalid");
    // An invalid pattern is the caller's mistake, not a server error (our decision; the reference answers 500).
    assertError(client.post("/user/get_users", token,
        Map.of("userID", "(", "pagination", Map.of("pageNumber", 1, "showNumber", 10))), 1001, "userID");
    assertError(client.post("/user/get_users", token,
        Map.of("nickName", "[a-", "pagination", Map.of("pageNumber", 1, "showNumber", 10))), 1001, "nickName");
    assertError(client.post("/user/get_users", token,
        "{\"nickName\":7,\"pagination\":{\"pageNumber\":1,\"showNumber\":10}}"), 1001, "");
    JsonNode none = data(client.post("/user/get_users", token,
        Map.of("userID", "^no_such_user_", "pagination", Map.of("pageNumber", 1, "showNumber", 0))));
    assertThat(none.toString()).isEqualTo("{\"total\":0,\"users\":[]}");
  }

  private static List<String> ids(JsonNode page) {
    return page.get("users").values().stream().map(u -> u.get("userID").asString()).toList();
  }
}
