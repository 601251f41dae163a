package io.imflux.gateway;

import io.imflux.msg.ConversationIds;
import io.imflux.msg.read.ReadFixture;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMsgs;
import io.imflux.proto.sdkws.PushMessages;
import io.imflux.testing.ApiClient;
import io.imflux.testing.GatewayClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the gateway's integration tests share: users with a token per platform, SDK-like connections, messages. */
final class GatewayFixture {

  static final int TEXT = 101;
  /** Android: the same number in both dialects. */
  static final int ANDROID = 2;
  static final int WEB = 5;

  final ApiClient api;
  final int gatewayPort;
  private final Map<String, String> tokens = new HashMap<>();

  GatewayFixture(int apiPort, int gatewayPort) {
    this.api = new ApiClient(apiPort);
    this.gatewayPort = gatewayPort;
  }

  List<String> users(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(ApiClient.uniqueId(prefix));
    }
    api.register(ids.toArray(String[]::new));
    return ids;
  }

  /** One token per user and platform: issuing another would kick it (policy 1). */
  String token(String userID, int platformID) {
    return tokens.computeIfAbsent(userID + "/" + platformID, key -> api.userToken(userID, platformID));
  }

  /** Connects as the Go SDK does (gob + gzip), and returns once the server has registered the connection. */
  GatewayClient connect(String userID, int platformID) {
    return GatewayClient.connect(gatewayPort, userID, token(userID, platformID), platformID).sync();
  }

  /** A text message as the SDK sends it in 1003. */
  static MsgData text(String from, String to, String text) {
    return ReadFixture.message(from, to, ConversationIds.SINGLE_CHAT, TEXT, "{\"content\":\"" + text + "\"}")
        .toBuilder().setStatus(1).setSenderPlatformID(ANDROID).build();
  }

  /** The one message of a 2001 push, asserting where it is filed (§12.1). */
  static MsgData pushed(byte[] data, String conversationID) {
    PushMessages push = GatewayClient.parse(data, PushMessages.parser());
    Map<String, PullMsgs> map = ConversationIds.isNotification(conversationID)
        ? push.getNotificationMsgsMap() : push.getMsgsMap();
    if (map.size() != 1 || !map.containsKey(conversationID) || map.get(conversationID).getMsgsCount() != 1
        || push.getMsgsCount() + push.getNotificationMsgsCount() != 1) {
      throw new AssertionError("not one message of " + conversationID + ": " + push);
    }
    return map.get(conversationID).getMsgs(0);
  }
}
