package io.imflux.user.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.mongodb.client.model.Updates;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.user.UserStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** An admin user is never listed as a notification account, whatever its stored level (spec/api-auth-user.md §25). */
@ImfluxTest
@TestPropertySource(properties = {
    "imflux.admin.user-ids=imAdmin,botAdmin", "imflux.admin.nicknames=superAdmin,botAdmin"})
class NotificationAccountSearchAdminTest {

  @LocalServerPort
  int port;

  @Autowired
  UserStore users;

  @Test
  void adminsAreExcludedEvenWithAnAccountLevel() {
    ApiClient api = new ApiClient(port);
    // An admin that (by some earlier tooling) has the robot level.
    users.update("botAdmin", List.of(Updates.set("appMangerLevel", 4))).block(Duration.ofSeconds(10));
    String robot = api.ok(NotificationAccountRoutesTest.ADD, api.adminToken(),
        Map.of("nickName", "botAdmin", "appMangerLevel", 4)).get("userID").asString();

    var byKeyword = api.ok(NotificationAccountRoutesTest.SEARCH, api.adminToken(),
        Map.of("keyword", "botAdmin", "pagination", Map.of("pageNumber", 1, "showNumber", 10)));
    // The ID matches only an admin, so the search falls back to the nickname.
    assertEquals(List.of(robot), NotificationAccountSearchTest.ids(byKeyword));

    var byLevel = api.ok(NotificationAccountRoutesTest.SEARCH, api.adminToken(),
        Map.of("appManagerLevel", 4, "pagination", Map.of("pageNumber", 1, "showNumber", 1000)));
    assertFalse(NotificationAccountSearchTest.ids(byLevel).contains("botAdmin"));
    assertEquals(List.of(robot), NotificationAccountSearchTest.ids(byLevel));
  }
}
