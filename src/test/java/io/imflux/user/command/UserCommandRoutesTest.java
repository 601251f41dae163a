package io.imflux.user.command;

import static io.imflux.user.command.CommandCalls.ADD;
import static io.imflux.user.command.CommandCalls.DELETE;
import static io.imflux.user.command.CommandCalls.GET;
import static io.imflux.user.command.CommandCalls.GET_ALL;
import static io.imflux.user.command.CommandCalls.UPDATE;
import static io.imflux.user.command.CommandCalls.add;
import static io.imflux.user.command.CommandCalls.assertCommand;
import static io.imflux.user.command.CommandCalls.get;
import static io.imflux.user.command.CommandCalls.getAll;
import static io.imflux.user.command.CommandCalls.uuids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Routes 18–22 in the default {@code document} dialect (spec/api-auth-user.md §18–22). */
@ImfluxTest
class UserCommandRoutesTest {

  @LocalServerPort
  int port;

  private ApiClient api;
  private String user;
  private String token;

  @BeforeEach
  void registerUser() {
    api = new ApiClient(port);
    user = ApiClient.uniqueId("cmd");
    api.register(user);
    token = api.userToken(user, 2);
  }

  @Test
  void addedCommandsComeBackFromGetAllInInsertionOrderWithMillisecondTimes() {
    long before = System.currentTimeMillis();
    ApiClient.Result added = api.post(ADD, token,
        Map.of("userID", user, "type", 1, "uuid", "a", "value", "v1", "ex", "e1"));
    api.ok(ADD, token, Map.of("userID", user, "type", 2, "uuid", "b"));
    long after = System.currentTimeMillis();

    assertEquals("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}", added.text());
    JsonNode data = api.ok(GET_ALL, token, Map.of("userID", user));
    assertEquals(List.of("CommandResp"), List.copyOf(data.propertyNames()));
    JsonNode commands = data.get("CommandResp");
    assertEquals(2, commands.size());
    assertCommand(commands.get(0), 1, "a", "v1", "e1");
    assertCommand(commands.get(1), 2, "b", "", "");
    for (JsonNode command : commands) {
      long createTime = command.get("createTime").asLong();
      assertTrue(createTime >= before && createTime <= after, "milliseconds expected, got " + createTime);
    }
  }

  @Test
  void getReturnsOnlyTheRequestedTypeAndAnEmptyArrayWhenThereIsNone() {
    add(api, token, user, 7, "x", "1", "");
    add(api, token, user, 8, "y", "2", "");
    add(api, token, user, 7, "z", "3", "");

    assertEquals(List.of("x", "z"), uuids(get(api, token, user, 7)));
    assertEquals("{\"CommandResp\":[]}", api.ok(GET, token, Map.of("userID", user, "type", 9)).toString());
  }

  @Test
  void getAllOfAUserWithoutCommandsIsAnEmptyArray() {
    assertEquals("{\"CommandResp\":[]}", api.ok(GET_ALL, token, Map.of("userID", user)).toString());
  }

  @Test
  void duplicatesAreKeptAndDeleteRemovesOneAtATime() {
    add(api, token, user, 1, "dup", "first", "");
    add(api, token, user, 1, "dup", "second", "");
    add(api, token, user, 2, "dup", "other type", "");

    api.ok(DELETE, token, Map.of("userID", user, "type", 1, "uuid", "dup"));
    JsonNode left = get(api, token, user, 1);
    assertEquals(1, left.size());
    assertCommand(left.get(0), 1, "dup", "second", "");

    api.ok(DELETE, token, Map.of("userID", user, "type", 1, "uuid", "dup"));
    assertEquals(0, get(api, token, user, 1).size());
    assertEquals(1, getAll(api, token, user).size());

    ApiClient.Result gone = api.post(DELETE, token, Map.of("userID", user, "type", 1, "uuid", "dup"));
    assertEquals(1004, gone.errCode());
    assertEquals("RecordNotFoundError", gone.json().get("errMsg").asString());
  }

  @Test
  void updateSetsOnlyThePresentFieldsOfTheFirstMatch() {
    add(api, token, user, 3, "u", "v", "e");
    add(api, token, user, 3, "u", "twin", "twin ex");

    api.ok(UPDATE, token, Map.of("userID", user, "type", 3, "uuid", "u", "value", "v2"));
    assertCommand(get(api, token, user, 3).get(0), 3, "u", "v2", "e");

    api.ok(UPDATE, token, "{\"userID\":\"" + user + "\",\"type\":3,\"uuid\":\"u\",\"value\":null,\"ex\":\"\"}");
    JsonNode commands = get(api, token, user, 3);
    assertCommand(commands.get(0), 3, "u", "v2", "");
    assertCommand(commands.get(1), 3, "u", "twin", "twin ex");
  }

  @Test
  void updateWithoutValueOrExSucceedsEvenWithoutARecordButAnUpdateOfAMissingRecordIs1004() {
    api.ok(UPDATE, token, Map.of("userID", user, "type", 4, "uuid", "nothing"));

    ApiClient.Result missing = api.post(UPDATE, token, Map.of("userID", user, "type", 4, "uuid", "nothing", "ex", "x"));
    assertEquals(1004, missing.errCode());
    assertEquals(0, getAll(api, token, user).size());
  }

  @Test
  void checkRulesRejectMissingFieldsWithTheReferenceTexts() {
    String u = "\"userID\":\"" + user + "\"";
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    for (String path : List.of(ADD, DELETE, UPDATE)) {
      cases.put(path + " {\"type\":1,\"uuid\":\"a\"}", "userID is empty");
      cases.put(path + " {" + u + ",\"uuid\":\"a\"}", "type is not specified");
      cases.put(path + " {" + u + ",\"type\":0,\"uuid\":\"a\"}", "type is not specified");
      cases.put(path + " {" + u + ",\"type\":1}", "UUID is empty");
      cases.put(path + " {" + u + ",\"type\":1,\"uuid\":\"\"}", "UUID is empty");
    }
    cases.put(GET + " {\"type\":1}", "userID is empty");
    cases.put(GET + " {" + u + "}", "type is not specified");
    cases.put(GET_ALL + " {}", "userID is empty");
    cases.put(GET_ALL + " {\"userID\":null}", "userID is empty");

    cases.forEach((call, detail) -> {
      String[] parts = call.split(" ", 2);
      ApiClient.Result result = api.post(parts[0], token, parts[1]);
      assertEquals(1001, result.errCode(), call);
      assertEquals(detail, result.json().get("errDlt").asString(), call);
    });
  }

  @Test
  void mistypedFieldsAndBadBodiesAre1001() {
    String u = "\"userID\":\"" + user + "\"";
    List<String> calls = List.of(
        ADD + " {" + u + ",\"type\":\"1\",\"uuid\":\"a\"}",
        ADD + " {" + u + ",\"type\":1.5,\"uuid\":\"a\"}",
        ADD + " {" + u + ",\"type\":1,\"uuid\":\"a\",\"value\":5}",
        ADD + " {" + u + ",\"type\":1,\"uuid\":7}",
        UPDATE + " {" + u + ",\"type\":1,\"uuid\":\"a\",\"ex\":{}}",
        DELETE + " {" + u + ",\"type\":4294967296,\"uuid\":\"a\"}",
        GET + " {" + u + ",\"type\":true}",
        GET_ALL + " {\"userID\":[]}",
        GET_ALL + " ",
        GET_ALL + " [1]");
    for (String call : calls) {
      String[] parts = call.split(" ", 2);
      ApiClient.Result result = api.post(parts[0], token, parts[1]);
      assertEquals(200, result.status(), call);
      assertEquals(1001, result.errCode(), call);
    }
    assertEquals(0, getAll(api, token, user).size());
  }

  @Test
  void checkRulesAreReportedBeforePermission() {
    String other = ApiClient.uniqueId("cmd_other");
    api.register(other);
    String otherToken = api.userToken(other, 2);

    ApiClient.Result result = api.post(ADD, otherToken, Map.of("userID", user, "type", 1));
    assertEquals(1001, result.errCode());
  }

  @Test
  void anotherUsersTokenIsRefusedOnEveryRouteAndChangesNothing() {
    add(api, token, user, 5, "mine", "v", "");
    String other = ApiClient.uniqueId("cmd_other");
    api.register(other);
    String otherToken = api.userToken(other, 2);

    List<ApiClient.Result> refused = List.of(
        api.post(ADD, otherToken, Map.of("userID", user, "type", 5, "uuid", "theirs")),
        api.post(DELETE, otherToken, Map.of("userID", user, "type", 5, "uuid", "mine")),
        api.post(UPDATE, otherToken, Map.of("userID", user, "type", 5, "uuid", "mine", "value", "x")),
        api.post(GET, otherToken, Map.of("userID", user, "type", 5)),
        api.post(GET_ALL, otherToken, Map.of("userID", user)));

    for (ApiClient.Result result : refused) {
      assertEquals(1002, result.errCode(), result.text());
      assertEquals("NoPermissionError", result.json().get("errMsg").asString());
      assertFalse(result.json().has("data"));
    }
    JsonNode commands = getAll(api, token, user);
    assertEquals(1, commands.size());
    assertCommand(commands.get(0), 5, "mine", "v", "");
  }

  @Test
  void anAdminManagesAnyUsersCommands() {
    String admin = api.adminToken();
    add(api, admin, user, 6, "by_admin", "v", "e");
    api.ok(UPDATE, admin, Map.of("userID", user, "type", 6, "uuid", "by_admin", "value", "w"));
    assertCommand(get(api, admin, user, 6).get(0), 6, "by_admin", "w", "e");
    assertEquals(1, getAll(api, token, user).size());

    api.ok(DELETE, admin, Map.of("userID", user, "type", 6, "uuid", "by_admin"));
    assertEquals(0, getAll(api, admin, user).size());
  }

  @Test
  void addingForAUserWhoDoesNotExistIsUserNotFound() {
    String nobody = ApiClient.uniqueId("cmd_nobody");

    ApiClient.Result result = api.post(ADD, api.adminToken(), Map.of("userID", nobody, "type", 1, "uuid", "a"));

    assertEquals(1003, result.errCode());
    assertEquals("UserIDNotFoundError", result.json().get("errMsg").asString());
    assertEquals(0, getAll(api, api.adminToken(), nobody).size());
  }

  @Test
  void deletingFromAUserWithoutCommandsIsRecordNotFound() {
    ApiClient.Result result = api.post(DELETE, token, Map.of("userID", user, "type", 1, "uuid", "none"));
    assertEquals(1004, result.errCode());
  }
}
