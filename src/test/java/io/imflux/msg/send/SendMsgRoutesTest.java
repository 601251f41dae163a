package io.imflux.msg.send;

import static io.imflux.msg.send.SendCalls.CHECK_SEND_STATUS;
import static io.imflux.msg.send.SendCalls.SEND_MSG;
import static io.imflux.msg.send.SendCalls.SERVER_TIME;
import static io.imflux.msg.send.SendCalls.failed;
import static io.imflux.msg.send.SendCalls.sent;
import static io.imflux.msg.send.SendCalls.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code /msg/send_msg}, {@code /msg/check_msg_is_send_success} and {@code /msg/get_server_time} over HTTP in the
 * document dialect (spec/api-msg.md §4.1, §4.2, §4.6, §10; spec/dialects.md §3, §4).
 */
@ImfluxTest
class SendMsgRoutesTest extends SendRouteTests {

  private String alice;
  private String bob;

  @BeforeEach
  void users() {
    alice = ApiClient.uniqueId("alice");
    bob = ApiClient.uniqueId("bob");
    client.register(alice, bob);
  }

  @Test
  void theAdminSendsAsAnyUserAndGetsIDsAndTheSendTime() {
    long before = System.currentTimeMillis();
    JsonNode first = sent(calls.post(SEND_MSG, admin, text(alice, bob, "hi")));
    JsonNode second = sent(calls.post(SEND_MSG, admin, text(alice, bob, "hi")));

    assertThat(first.get("sendTime").asLong()).isBetween(before, System.currentTimeMillis());
    assertThat(first.get("clientMsgID").asString()).isNotEqualTo(second.get("clientMsgID").asString());
    assertThat(first.get("serverMsgID").asString()).isNotEqualTo(second.get("serverMsgID").asString());
  }

  @Test
  void aGivenSendTimeIsKept() {
    String body = text(alice, bob, "old").replace("}}", "},\"sendTime\":1700000000000}");

    assertThat(sent(calls.post(SEND_MSG, admin, body)).get("sendTime").asLong()).isEqualTo(1_700_000_000_000L);
  }

  @Test
  void everyAcceptedContentTypeGoesThrough() {
    String pic = "{\"type\":\"png\",\"width\":1,\"height\":1,\"url\":\"http://p\"}";
    Map<Integer, String> contents = Map.of(
        102, "{\"sourcePicture\":" + pic + ",\"bigPicture\":" + pic + ",\"snapshotPicture\":" + pic + "}",
        103, "{\"sourceUrl\":\"http://s\",\"duration\":\"2\"}",
        104, "{\"videoUrl\":\"v\",\"videoType\":\"mp4\",\"videoSize\":1,\"duration\":1,\"snapshotUrl\":\"s\","
            + "\"snapshotWidth\":1,\"snapshotHeight\":1}",
        105, "{\"sourceUrl\":\"f\",\"fileName\":\"a\",\"fileSize\":1}",
        106, "{\"text\":\"@bob\",\"atUserList\":[\"" + bob + "\"]}",
        110, "{\"data\":\"d\"}",
        112, "{\"text\":\"re\",\"quoteMessage\":{\"seq\":1}}",
        114, "{\"text\":\"re\"}",
        118, "{\"content\":\"**md**\"}");
    contents.forEach((contentType, content) -> sent(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice
        + "\",\"recvID\":\"" + bob + "\",\"contentType\":" + contentType + ",\"sessionType\":1,\"content\":"
        + content + "}")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "{",
      "{\"sendID\":\"\",\"recvID\":\"b\",\"contentType\":101,\"sessionType\":1,\"content\":{}}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":1,\"content\":{}}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":4,\"content\":{}}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":2,\"content\":{}}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":3,\"content\":{}}",
      "{\"sendID\":\"a\",\"recvID\":\"b\",\"contentType\":101,\"sessionType\":1}",
      "{\"sendID\":\"a\",\"recvID\":\"b\",\"contentType\":101,\"sessionType\":1,\"content\":null}",
      "{\"sendID\":\"a\",\"recvID\":\"b\",\"sessionType\":1,\"content\":{}}",
      "{\"sendID\":\"a\",\"recvID\":\"b\",\"contentType\":101,\"content\":{}}",
      "{\"sendID\":\"a\",\"recvID\":\"b\",\"contentType\":\"101\",\"sessionType\":1,\"content\":{}}",
      "{\"sendID\":\"a\",\"recvID\":\"b\",\"contentType\":101,\"sessionType\":1,\"content\":\"hi\"}",
  })
  void aBodyThatDoesNotBindIsHttp400With1001(String body) {
    failed(calls.post(SEND_MSG, admin, body), 400, 1001, "");
  }

  @Test
  void keysMatchIgnoringCaseAndEmptyContentPassesBinding() {
    sent(calls.post(SEND_MSG, admin, "{\"SENDID\":\"" + alice + "\",\"RecvID\":\"" + bob + "\",\"ContentType\":101,"
        + "\"sessiontype\":1,\"Content\":{\"content\":\"x\"}}"));
    failed(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":101,"
        + "\"sessionType\":1,\"content\":{}}"), 200, 1001, "validate error");
  }

  @Test
  void onlyTheAppManagerMaySendAndBindingComesFirst() {
    String aliceToken = client.userToken(alice, 5);

    failed(calls.post(SEND_MSG, aliceToken, text(alice, bob, "hi")), 200, 1002, "only app manager can send message");
    failed(calls.post(SEND_MSG, aliceToken, "{\"sendID\":\"" + alice + "\"}"), 400, 1001, "");
  }

  @ParameterizedTest
  @ValueSource(ints = {107, 108, 109, 111, 113, 115, 117, 1400, 2001, 1501})
  void otherContentTypesAreUnsupported(int contentType) {
    failed(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":"
        + contentType + ",\"sessionType\":1,\"content\":{\"content\":\"x\"}}"), 200, 1001, "unsupported content type");
  }

  @Test
  void contentThatBreaksItsRulesIs1001WithTheValidatorText() {
    failed(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":105,"
        + "\"sessionType\":1,\"content\":{\"sourceUrl\":\"u\",\"fileName\":\"f\"}}"), 200, 1001, "FileElem.fileSize");
    failed(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":101,"
        + "\"sessionType\":1,\"content\":{\"content\":{}}}"), 200, 1001, "expected type 'string'");
  }

  @Test
  void theDocumentsOaNotificationNeedsANotificationAccount() {
    String oa = "\"contentType\":1201,\"sessionType\":1,\"content\":{\"notificationName\":\"n\","
        + "\"notificationType\":1,\"text\":\"t\"}}";
    String account = client.ok("/user/add_notification_account", admin,
        Map.of("nickName", "News", "appMangerLevel", 3)).get("userID").asString();
    String ghost = ApiClient.uniqueId("ghost");

    sent(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + account + "\",\"recvID\":\"" + bob + "\"," + oa));
    sent(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + ApiClient.ADMIN_ID + "\",\"recvID\":\"" + bob + "\"," + oa));
    failed(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\"," + oa), 200, 1002,
        "notification messages cannot be sent for this ID");
    ApiClient.Result unknown = calls.post(SEND_MSG, admin, "{\"sendID\":\"" + ghost + "\",\"recvID\":\"" + bob + "\","
        + oa);
    failed(unknown, 200, 1003, ghost);
    assertThat(unknown.json().get("errMsg").asString()).isEqualTo("UserIDNotFoundError");
    failed(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + account + "\",\"recvID\":\"" + bob + "\","
        + oa.replace("\"text\":\"t\"", "\"text\":\"\"")), 200, 1001, "OANotificationElem.text");
  }

  @Test
  void sessionTypeTwoIsTheGroupChat() {
    String group = ApiClient.uniqueId("nogroup");
    String body = "{\"sendID\":\"" + alice + "\",\"groupID\":\"" + group + "\",\"contentType\":101,\"sessionType\":2,"
        + "\"content\":{\"content\":\"x\"}}";

    // Treated as a group chat: the group is looked up (and missing), not refused as an unknown session type.
    failed(calls.post(SEND_MSG, admin, body), 200, 1004, "");
  }

  @Test
  void theSendStatusIsKeptUnderTheSendersOperationID() {
    String operationID = UUID.randomUUID().toString();
    String failedOperationID = UUID.randomUUID().toString();
    String aliceToken = client.userToken(alice, 5);

    sent(calls.post(SEND_MSG, admin, operationID, text(alice, bob, "hi")));
    calls.post(SEND_MSG, aliceToken, failedOperationID, text(alice, bob, "hi"));

    assertThat(calls.sendStatus(admin, operationID)).isEqualTo(2);
    assertThat(calls.sendStatus(aliceToken, operationID)).isEqualTo(2);
    assertThat(calls.sendStatus(admin, failedOperationID)).isZero();
    assertThat(calls.sendStatus(admin, UUID.randomUUID().toString())).isZero();
  }

  @Test
  void theCheckRouteNeedsAJsonBody() {
    failed(calls.post(CHECK_SEND_STATUS, admin, ""), 200, 1001, "");
  }

  @Test
  void anyTokenHolderGetsTheServerTimeInMilliseconds() {
    long before = System.currentTimeMillis();
    ApiClient.Result result = calls.post(SERVER_TIME, client.userToken(bob, 2), "{}");
    long after = System.currentTimeMillis();

    assertThat(result.text())
        .startsWith("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\",\"data\":{\"serverTime\":");
    assertThat(List.copyOf(result.data().propertyNames())).containsExactly("serverTime");
    assertThat(result.data().get("serverTime").asLong()).isBetween(before, after);
    failed(calls.post(SERVER_TIME, admin, ""), 200, 1001, "");
  }
}
