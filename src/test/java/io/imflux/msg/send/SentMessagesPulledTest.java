package io.imflux.msg.send;

import static io.imflux.msg.send.SendCalls.SEND_BUSINESS_NOTIFICATION;
import static io.imflux.msg.send.SendCalls.SEND_MSG;
import static io.imflux.msg.send.SendCalls.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What the HTTP sends store, read back through {@code /msg/pull_msg_by_seq} in the document dialect: the content
 * object re-serialised with sorted keys, the OA wrapping, and the client's content type numbers shown again
 * (spec/api-msg.md §4.1, §4.5; spec/dialects.md §3).
 */
@ImfluxTest
class SentMessagesPulledTest extends SendRouteTests {

  private String alice;
  private String bob;

  @BeforeEach
  void users() {
    alice = ApiClient.uniqueId("alice");
    bob = ApiClient.uniqueId("bob");
    client.register(alice, bob);
  }

  /** The message with this clientMsgID among what {@code userID} pulls of the conversation. */
  private JsonNode pulled(String userID, String conversationID, String clientMsgID) {
    JsonNode data = client.ok("/msg/pull_msg_by_seq", admin, Map.of("userID", userID, "order", 0,
        "seqRanges", List.of(Map.of("conversationID", conversationID, "begin", 1, "end", 100, "num", 100))));
    String map = ConversationIds.isNotification(conversationID) ? "notificationMsgs" : "msgs";
    return data.get(map).get(conversationID).get("Msgs").values().stream()
        .filter(msg -> msg.get("clientMsgID").asString().equals(clientMsgID))
        .findFirst()
        .orElseThrow(() -> new AssertionError(clientMsgID + " not in " + data));
  }

  private static String content(JsonNode msg) {
    return new String(Base64.getDecoder().decode(msg.get("content").asString()), StandardCharsets.UTF_8);
  }

  private String sendMsg(String body) {
    return sent(calls.post(SEND_MSG, admin, body)).get("clientMsgID").asString();
  }

  @Test
  void aTextIsStoredAsTheOriginalObjectWithSortedKeys() {
    String clientMsgID = sendMsg("{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":101,"
        + "\"sessionType\":1,\"senderNickname\":\"Al\",\"ex\":\"e\",\"content\":{\"z\":1.0,\"content\":\"<hi>\","
        + "\"A\":[2.50,{\"y\":true,\"x\":null}]}}");

    JsonNode msg = pulled(bob, ConversationIds.single(alice, bob), clientMsgID);

    assertThat(content(msg))
        .isEqualTo("{\"A\":[2.5,{\"x\":null,\"y\":true}],\"content\":\"\\u003chi\\u003e\",\"z\":1}");
    assertThat(msg.get("contentType").asInt()).isEqualTo(101);
    assertThat(msg.get("sessionType").asInt()).isEqualTo(1);
    assertThat(msg.get("msgFrom").asInt()).isEqualTo(200);
    assertThat(msg.get("sendID").asString()).isEqualTo(alice);
    assertThat(msg.get("senderNickname").asString()).isEqualTo("Al");
    assertThat(msg.get("ex").asString()).isEqualTo("e");
    assertThat(msg.get("createTime").asLong()).isPositive();
  }

  @Test
  void mentionsAndTheDocumentsQuoteNumberComeBackAsSent() {
    String at = sendMsg("{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":106,"
        + "\"sessionType\":1,\"content\":{\"text\":\"@bob\",\"atUserList\":[\"" + bob + "\"]}}");
    String quote = sendMsg("{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":112,"
        + "\"sessionType\":1,\"content\":{\"text\":\"re\"}}");
    String conversationID = ConversationIds.single(alice, bob);

    assertThat(pulled(bob, conversationID, at).get("atUserIDList").values().stream().map(JsonNode::asString))
        .containsExactly(bob);
    assertThat(pulled(bob, conversationID, quote).get("contentType").asInt()).isEqualTo(112);
  }

  @Test
  void anOaNotificationIsWrappedAndShownAsTheDocuments1201InTheNotificationChat() {
    String account = client.ok("/user/add_notification_account", admin,
        Map.of("nickName", "News", "appMangerLevel", 3)).get("userID").asString();
    String clientMsgID = sendMsg("{\"sendID\":\"" + account + "\",\"recvID\":\"" + bob + "\",\"contentType\":1201,"
        + "\"sessionType\":1,\"content\":{\"text\":\"t\",\"notificationType\":1,\"notificationName\":\"n\"}}");

    // The notification chat of the pair: sn_ with the two IDs in the order si_ has them.
    JsonNode msg = pulled(bob, "sn" + ConversationIds.single(account, bob).substring(2), clientMsgID);

    assertThat(msg.get("contentType").asInt()).isEqualTo(1201);
    assertThat(msg.get("sessionType").asInt()).isEqualTo(4);
    assertThat(content(msg)).isEqualTo(
        "{\"detail\":\"{\\\"notificationName\\\":\\\"n\\\",\\\"notificationType\\\":1,\\\"text\\\":\\\"t\\\"}\"}");
  }

  @Test
  void aStoredBusinessNotificationIsShownAsTheDocuments1400() {
    String clientMsgID = sent(calls.post(SEND_BUSINESS_NOTIFICATION, admin, "{\"sendUserID\":\"" + alice
        + "\",\"recvUserID\":\"" + bob + "\",\"key\":\"k\",\"data\":\"d\",\"reliabilityLevel\":2}"))
        .get("clientMsgID").asString();

    JsonNode msg = pulled(bob, ConversationIds.notificationTwin(ConversationIds.single(alice, bob)), clientMsgID);

    assertThat(msg.get("contentType").asInt()).isEqualTo(1400);
    assertThat(content(msg)).isEqualTo("{\"detail\":\"{\\\"key\\\":\\\"k\\\",\\\"data\\\":\\\"d\\\"}\"}");
  }
}
