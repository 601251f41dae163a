package io.imflux.friend;

import static io.imflux.testing.Envelopes.texts;

import io.imflux.testing.ApiClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The friend routes as the tests call them, with one token per user (a new token would kick the previous one). */
final class FriendCalls {

  static final String ADD_FRIEND = "/friend/add_friend";
  static final String RESPOND = "/friend/add_friend_response";
  static final String RECEIVED = "/friend/get_friend_apply_list";
  static final String SENT = "/friend/get_self_friend_apply_list";
  static final String DESIGNATED_APPLY = "/friend/get_designated_friend_apply";
  static final String UNHANDLED_COUNT = "/friend/get_self_unhandled_apply_count";
  static final String DELETE = "/friend/delete_friend";
  static final String LIST = "/friend/get_friend_list";
  static final String DESIGNATED = "/friend/get_designated_friends";
  static final String REMARK = "/friend/set_friend_remark";
  static final String UPDATE = "/friend/update_friends";
  static final String IMPORT = "/friend/import_friend";
  static final String IS_FRIEND = "/friend/is_friend";
  static final String FRIEND_IDS = "/friend/get_friend_id";
  static final String SPECIFIED_INFO = "/friend/get_specified_friends_info";
  static final String INCREMENTAL = "/friend/get_incremental_friends";
  static final String FULL_IDS = "/friend/get_full_friend_user_ids";
  static final String ADD_BLACK = "/friend/add_black";
  static final String REMOVE_BLACK = "/friend/remove_black";
  static final String BLACK_LIST = "/friend/get_black_list";
  static final String SPECIFIED_BLACKS = "/friend/get_specified_blacks";
  static final String INCREMENTAL_BLACKS = "/friend/get_incremental_blacks";

  /** The keys of a FriendInfo and a FriendRequest, in .proto order (spec/api-friend.md "Shared object types"). */
  static final List<String> FRIEND_INFO_KEYS =
      List.of("ownerUserID", "remark", "createTime", "friendUser", "addSource", "operatorUserID", "ex", "isPinned");
  static final List<String> FRIEND_REQUEST_KEYS = List.of("fromUserID", "fromNickname", "fromFaceURL", "toUserID",
      "toNickname", "toFaceURL", "handleResult", "reqMsg", "createTime", "handlerUserID", "handleMsg", "handleTime",
      "ex");
  static final List<String> BLACK_INFO_KEYS =
      List.of("ownerUserID", "createTime", "blackUserInfo", "addSource", "operatorUserID", "ex");

  final ApiClient client;
  private final Map<String, String> tokens = new HashMap<>();

  FriendCalls(ApiClient client) {
    this.client = client;
  }

  /** Registered users with fresh IDs. */
  List<String> users(String prefix, int count) {
    List<String> ids = java.util.stream.IntStream.range(0, count).mapToObj(i -> ApiClient.uniqueId(prefix)).toList();
    client.register(ids.toArray(String[]::new));
    return ids;
  }

  String token(String userID) {
    return tokens.computeIfAbsent(userID, id -> client.userToken(id, 2));
  }

  ApiClient.Result post(String path, String userID, Object body) {
    return client.post(path, token(userID), body);
  }

  JsonNode ok(String path, String userID, Object body) {
    return client.ok(path, token(userID), body);
  }

  /** {@code from} applies and {@code to} accepts: friends both ways. */
  void befriend(String from, String to) {
    ok(ADD_FRIEND, from, Map.of("fromUserID", from, "toUserID", to, "reqMsg", "hi"));
    ok(RESPOND, to, Map.of("fromUserID", from, "toUserID", to, "handleResult", 1));
  }

  /** A text message over {@code /msg/send_msg}, which only an admin may call (spec/api-msg.md §4.1). */
  ApiClient.Result sendText(String sendID, String recvID) {
    return client.post("/msg/send_msg", client.adminToken(), Map.of("sendID", sendID, "recvID", recvID,
        "sessionType", 1, "contentType", 101, "content", Map.of("content", "hi")));
  }

  List<String> friendIDs(String owner) {
    return texts(ok(FRIEND_IDS, owner, Map.of("userID", owner)).get("friendIDs"));
  }

  /** The incremental friend sync as a client runs it: {@code versionID} and {@code version} from its last call. */
  JsonNode incremental(String owner, String versionID, long version) {
    return ok(INCREMENTAL, owner, Map.of("userID", owner, "versionID", versionID, "version", version));
  }
}
