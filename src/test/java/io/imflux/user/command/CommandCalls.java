package io.imflux.user.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imflux.testing.ApiClient;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Paths and small helpers shared by the command route tests. */
final class CommandCalls {

  static final String ADD = "/user/process_user_command_add";
  static final String DELETE = "/user/process_user_command_delete";
  static final String UPDATE = "/user/process_user_command_update";
  static final String GET = "/user/process_user_command_get";
  static final String GET_ALL = "/user/process_user_command_get_all";

  private CommandCalls() {}

  static void add(ApiClient api, String token, String userID, int type, String uuid, String value, String ex) {
    api.ok(ADD, token, Map.of("userID", userID, "type", type, "uuid", uuid, "value", value, "ex", ex));
  }

  static JsonNode getAll(ApiClient api, String token, String userID) {
    return api.ok(GET_ALL, token, Map.of("userID", userID)).get("CommandResp");
  }

  static JsonNode get(ApiClient api, String token, String userID, int type) {
    return api.ok(GET, token, Map.of("userID", userID, "type", type)).get("CommandResp");
  }

  /** One {@code CommandResp} item: exactly these keys, in the protocol's order, with these values. */
  static void assertCommand(JsonNode item, int type, String uuid, String value, String ex) {
    assertEquals(List.of("type", "createTime", "uuid", "value", "ex"), List.copyOf(item.propertyNames()),
        item.toString());
    assertEquals(type, item.get("type").asInt());
    assertEquals(uuid, item.get("uuid").asString());
    assertEquals(value, item.get("value").asString());
    assertEquals(ex, item.get("ex").asString());
  }

  static List<String> uuids(JsonNode list) {
    return list.valueStream().map(item -> item.get("uuid").asString()).toList();
  }
}
