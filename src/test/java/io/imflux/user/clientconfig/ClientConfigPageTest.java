package io.imflux.user.clientconfig;

import static io.imflux.user.clientconfig.ClientConfigRoutesTest.PAGE;
import static io.imflux.user.clientconfig.ClientConfigRoutesTest.SET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Route 29 (spec/api-auth-user.md §29). */
@ImfluxTest
class ClientConfigPageTest {

  @LocalServerPort
  int port;

  private ApiClient api;
  private String admin;
  private String first;
  private String second;
  private String sharedKey;

  @BeforeEach
  void configureTwoUsers() {
    api = new ApiClient(port);
    admin = api.adminToken();
    first = ApiClient.uniqueId("page_a");
    second = ApiClient.uniqueId("page_b");
    api.register(first, second);
    sharedKey = ApiClient.uniqueId("key");
    api.ok(SET, admin, Map.of("userID", first, "configs", Map.of(sharedKey, "1", "solo", "2")));
    api.ok(SET, admin, Map.of("userID", second, "configs", Map.of(sharedKey, "3")));
  }

  @Test
  void filtersByUserAndKeyWithExactItems() {
    JsonNode byBoth = page(Map.of("userID", first, "key", sharedKey, "pagination", pages(1, 10)));
    assertEquals("{\"total\":1,\"configs\":[{\"key\":\"" + sharedKey + "\",\"userID\":\"" + first
        + "\",\"value\":\"1\"}]}", byBoth.toString());

    JsonNode byUser = page(Map.of("userID", first, "pagination", pages(1, 10)));
    assertEquals(2, byUser.get("total").asLong());
    assertEquals(List.of(first + "/" + sharedKey + "=1", first + "/solo=2"), items(byUser).stream().sorted().toList());

    JsonNode byKey = page(Map.of("key", sharedKey, "pagination", pages(1, 10)));
    assertEquals(List.of(first + "/" + sharedKey + "=1", second + "/" + sharedKey + "=3"),
        items(byKey).stream().sorted().toList());
  }

  @Test
  void withoutFiltersEveryEntryCountsAndPagesSliceThem() {
    long total = page(Map.of("pagination", pages(1, 1))).get("total").asLong();
    List<String> all = items(page(Map.of("pagination", pages(1, (int) total))));
    assertEquals(total, all.size());

    JsonNode firstPage = page(Map.of("userID", first, "pagination", pages(1, 1)));
    JsonNode secondPage = page(Map.of("userID", first, "pagination", pages(2, 1)));
    assertEquals(2, firstPage.get("total").asLong());
    List<String> both = new ArrayList<>(items(firstPage));
    both.addAll(items(secondPage));
    assertEquals(List.of(first + "/" + sharedKey + "=1", first + "/solo=2"), both.stream().sorted().toList());
  }

  @Test
  void withoutAUsablePaginationOnlyTheTotalComesBack() {
    assertEquals("{\"total\":2,\"configs\":[]}", page(Map.of("userID", first)).toString());
    assertEquals("{\"total\":2,\"configs\":[]}", page(Map.of("userID", first, "pagination", pages(0, 5))).toString());
    assertEquals("{\"total\":2,\"configs\":[]}", page(Map.of("userID", first, "pagination", pages(1, 0))).toString());
    assertEquals("{\"total\":2,\"configs\":[]}", page(Map.of("userID", first, "pagination", pages(3, 1))).toString());
  }

  @Test
  void onlyAdminsMayPage() {
    String token = api.userToken(first, 2);
    ApiClient.Result result = api.post(PAGE, token, Map.of("userID", first, "pagination", pages(1, 10)));
    assertEquals(1002, result.errCode());
  }

  private JsonNode page(Map<String, ?> body) {
    return api.ok(PAGE, admin, body);
  }

  private static Map<String, Integer> pages(int number, int show) {
    return Map.of("pageNumber", number, "showNumber", show);
  }

  /** Items as {@code userID/key=value}, after checking each has exactly the protocol's keys. */
  private static List<String> items(JsonNode page) {
    List<String> items = new ArrayList<>();
    page.get("configs").forEach(item -> {
      assertEquals(List.of("key", "userID", "value"), List.copyOf(item.propertyNames()));
      items.add(item.get("userID").asString() + "/" + item.get("key").asString() + "=" + item.get("value").asString());
    });
    return items;
  }
}
