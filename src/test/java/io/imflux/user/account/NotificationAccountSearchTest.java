package io.imflux.user.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Route 25 (spec/api-auth-user.md §25). Each test uses nicknames of its own, since the server is shared. */
@ImfluxTest
class NotificationAccountSearchTest {

  private static final String ADD = NotificationAccountRoutesTest.ADD;
  private static final String SEARCH = NotificationAccountRoutesTest.SEARCH;
  private static final Map<String, Integer> FIRST_PAGE = Map.of("pageNumber", 1, "showNumber", 100);

  @LocalServerPort
  int port;

  private ApiClient api;
  private String admin;

  @BeforeEach
  void client() {
    api = new ApiClient(port);
    admin = api.adminToken();
  }

  @Test
  void aKeywordMatchesAnExactIdBeforeAnExactNickname() {
    String id = ApiClient.uniqueId("acc_kw");
    String nickname = ApiClient.uniqueId("Nick");
    api.ok(ADD, admin, Map.of("userID", id, "nickName", nickname, "faceURL", "f.png", "appMangerLevel", 3));
    // Another account whose nickname is the first one's ID: the ID match wins.
    String shadow = account(id, 3);

    JsonNode byId = api.ok(SEARCH, admin, Map.of("keyword", id, "pagination", FIRST_PAGE));
    assertEquals("{\"total\":1,\"notificationAccounts\":[{\"userID\":\"" + id
        + "\",\"faceURL\":\"f.png\",\"nickName\":\"" + nickname + "\",\"appMangerLevel\":3}]}", byId.toString());

    assertEquals(List.of(id), ids(search(Map.of("keyword", nickname, "pagination", FIRST_PAGE))));
    JsonNode prefix = search(Map.of("keyword", nickname.substring(0, 6), "pagination", FIRST_PAGE));
    assertEquals(0, prefix.get("total").asLong());
    assertFalse(ids(search(Map.of("keyword", id, "pagination", FIRST_PAGE))).contains(shadow));
  }

  @Test
  void anIdOfAnOrdinaryUserFallsBackToTheNickname() {
    String user = ApiClient.uniqueId("acc_plain");
    api.register(user);
    String named = account(user, 4);

    assertEquals(List.of(named), ids(search(Map.of("keyword", user, "pagination", FIRST_PAGE))));
  }

  @Test
  void theLevelFiltersExactly() {
    String nickname = ApiClient.uniqueId("Level");
    String notifier = account(nickname, 3);
    String robot = account(nickname, 4);

    JsonNode both = search(Map.of("keyword", nickname, "pagination", FIRST_PAGE));
    assertEquals(Set.of(notifier, robot), Set.copyOf(ids(both)));
    assertEquals(List.of(robot),
        ids(search(Map.of("keyword", nickname, "appManagerLevel", 4, "pagination", FIRST_PAGE))));

    JsonNode robots = search(Map.of("appManagerLevel", 4,
        "pagination", Map.of("pageNumber", 1, "showNumber", 100_000)));
    assertTrue(ids(robots).contains(robot));
    assertFalse(ids(robots).contains(notifier));
    robots.get("notificationAccounts").forEach(account -> assertEquals(4, account.get("appMangerLevel").asInt()));
    assertEquals(robots.get("total").asLong(), robots.get("notificationAccounts").size());
  }

  @Test
  void withNeitherKeywordNorLevelEveryAccountButNoOrdinaryUserOrAdmin() {
    String plain = ApiClient.uniqueId("acc_plain");
    api.register(plain);
    String notifier = account(ApiClient.uniqueId("All"), 3);
    String robot = account(ApiClient.uniqueId("All"), 4);

    String allPages =
        "{\"keyword\":\"\",\"appManagerLevel\":null,\"pagination\":{\"pageNumber\":1,\"showNumber\":100000}}";
    JsonNode all = api.ok(SEARCH, admin, allPages);
    List<String> ids = ids(all);
    assertTrue(ids.containsAll(List.of(notifier, robot)));
    assertFalse(ids.contains(plain));
    assertFalse(ids.contains(ApiClient.ADMIN_ID));
    all.get("notificationAccounts").forEach(account -> assertTrue(account.get("appMangerLevel").asInt() >= 3));
  }

  @Test
  void pagesAreSlicedInMemoryWithTheTotalOfAllMatches() {
    String nickname = ApiClient.uniqueId("Paged");
    List<String> created = List.of(account(nickname, 3), account(nickname, 3), account(nickname, 4));

    JsonNode first = search(Map.of("keyword", nickname, "pagination", Map.of("pageNumber", 1, "showNumber", 2)));
    JsonNode second = search(Map.of("keyword", nickname, "pagination", Map.of("pageNumber", 2, "showNumber", 2)));
    JsonNode beyond = search(Map.of("keyword", nickname, "pagination", Map.of("pageNumber", 3, "showNumber", 2)));
    JsonNode none = search(Map.of("keyword", nickname, "pagination", Map.of("pageNumber", 1, "showNumber", 0)));

    assertEquals(2, ids(first).size());
    assertEquals(1, ids(second).size());
    Set<String> seen = new HashSet<>(ids(first));
    seen.addAll(ids(second));
    assertEquals(Set.copyOf(created), seen);
    for (JsonNode page : List.of(first, second, beyond, none)) {
      assertEquals(3, page.get("total").asLong());
    }
    assertEquals("{\"total\":3,\"notificationAccounts\":[]}", beyond.toString());
    assertEquals("{\"total\":3,\"notificationAccounts\":[]}", none.toString());
  }

  @Test
  void checkRulesThenAdminOnly() {
    String user = ApiClient.uniqueId("acc_user");
    api.register(user);
    String userToken = api.userToken(user, 2);

    ApiClient.Result noPagination = api.post(SEARCH, userToken, Map.of("keyword", "x"));
    assertEquals(1001, noPagination.errCode());
    assertEquals("pagination is empty", noPagination.json().get("errDlt").asString());

    ApiClient.Result pageZero = api.post(SEARCH, admin, Map.of("pagination", Map.of("pageNumber", 0, "showNumber", 5)));
    assertEquals(1001, pageZero.errCode());
    assertEquals("pageNumber is invalid", pageZero.json().get("errDlt").asString());

    String levelAsText = "{\"appManagerLevel\":\"4\",\"pagination\":{\"pageNumber\":1}}";
    assertEquals(1001, api.post(SEARCH, admin, levelAsText).errCode());
    assertEquals(1001, api.post(SEARCH, admin, "{\"keyword\":[],\"pagination\":{\"pageNumber\":1}}").errCode());
    assertEquals(1002, api.post(SEARCH, userToken, Map.of("pagination", FIRST_PAGE)).errCode());
  }

  /** Creates an account with a generated ID and returns the ID. */
  private String account(String nickname, int level) {
    return api.ok(ADD, admin, Map.of("nickName", nickname, "appMangerLevel", level)).get("userID").asString();
  }

  private JsonNode search(Map<String, ?> body) {
    return api.ok(SEARCH, admin, body);
  }

  static List<String> ids(JsonNode result) {
    List<String> ids = new ArrayList<>();
    result.get("notificationAccounts").forEach(account -> ids.add(account.get("userID").asString()));
    return ids;
  }
}
