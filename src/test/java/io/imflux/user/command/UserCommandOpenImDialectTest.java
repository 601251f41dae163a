package io.imflux.user.command;

import static io.imflux.user.command.CommandCalls.ADD;
import static io.imflux.user.command.CommandCalls.DELETE;
import static io.imflux.user.command.CommandCalls.UPDATE;
import static io.imflux.user.command.CommandCalls.add;
import static io.imflux.user.command.CommandCalls.assertCommand;
import static io.imflux.user.command.CommandCalls.get;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The reference's numbers: {@code createTime} in seconds, a missing user as 1004 (spec/dialects.md §1, §5). */
@ImfluxTest
@OpenImDialect
class UserCommandOpenImDialectTest {

  @LocalServerPort
  int port;

  private ApiClient api;
  private String user;
  private String token;

  @BeforeEach
  void registerUser() {
    api = new ApiClient(port);
    user = ApiClient.uniqueId("cmd_oim");
    api.register(user);
    token = api.userToken(user, 2);
  }

  @Test
  void createTimeIsInSeconds() {
    long before = System.currentTimeMillis() / 1000;
    add(api, token, user, 1, "a", "v", "e");
    long after = System.currentTimeMillis() / 1000;

    JsonNode command = get(api, token, user, 1).get(0);
    assertCommand(command, 1, "a", "v", "e");
    long createTime = command.get("createTime").asLong();
    assertTrue(createTime >= before && createTime <= after, "seconds expected, got " + createTime);
  }

  @Test
  void successHasAnEmptyErrMsg() {
    ApiClient.Result result = api.post(ADD, token, Map.of("userID", user, "type", 1, "uuid", "b"));
    assertEquals("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}", result.text());
  }

  @Test
  void addingForAUserWhoDoesNotExistIs1004() {
    ApiClient.Result result = api.post(ADD, api.adminToken(),
        Map.of("userID", ApiClient.uniqueId("cmd_nobody"), "type", 1, "uuid", "a"));
    assertEquals(1004, result.errCode());
    assertEquals("RecordNotFoundError", result.json().get("errMsg").asString());
  }

  @Test
  void missingCommandsAre1004AndOtherUsersAre1002() {
    assertEquals(1004, api.post(DELETE, token, Map.of("userID", user, "type", 1, "uuid", "none")).errCode());
    assertEquals(1004, api.post(UPDATE, token, Map.of("userID", user, "type", 1, "uuid", "none", "value", "v"))
        .errCode());

    String other = ApiClient.uniqueId("cmd_oim_other");
    api.register(other);
    assertEquals(1002, api.post(ADD, api.userToken(other, 2), Map.of("userID", user, "type", 1, "uuid", "a"))
        .errCode());
  }
}
