package io.imflux.msg.send;

import static io.imflux.msg.send.SendCalls.SEND_SIMPLE_MSG;
import static io.imflux.msg.send.SendCalls.failed;
import static io.imflux.msg.send.SendCalls.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /msg/send_simple_msg}: a reply along a webhook's key (spec/api-msg.md §4.4). */
@ImfluxTest
class SimpleMsgRoutesTest extends SendRouteTests {

  private String user;
  private String bot;

  @BeforeEach
  void users() {
    user = ApiClient.uniqueId("user");
    bot = ApiClient.uniqueId("bot");
    client.register(user, bot);
  }

  private static String withKey(String keyJson) {
    return SEND_SIMPLE_MSG + "?key=" + URLEncoder.encode(SimpleMsgKeyTest.encode(keyJson), StandardCharsets.UTF_8);
  }

  private String singleKey() {
    return withKey("{\"sendID\":\"" + user + "\",\"recvID\":\"" + bot + "\",\"groupID\":\"\"}");
  }

  @Test
  void theReceiverOfASingleChatRepliesToItsSender() {
    String operationID = UUID.randomUUID().toString();

    sent(calls.post(singleKey(), client.userToken(bot, 5), operationID, "{\"content\":\"**done**\",\"ex\":\"e\"}"));
    sent(calls.post(singleKey(), admin, "{\"content\":\"by the admin\"}"));

    assertThat(calls.sendStatus(admin, operationID)).isEqualTo(2);
  }

  @Test
  void onlyTheResolvedSenderOrAnAdminMayReply() {
    failed(calls.post(singleKey(), client.userToken(user, 5), "{\"content\":\"not mine\"}"), 200, 1002, "");
  }

  @Test
  void anUnknownSenderIsUserNotFound() {
    String ghost = ApiClient.uniqueId("ghost");
    String key = withKey("{\"sendID\":\"" + user + "\",\"recvID\":\"" + ghost + "\"}");

    ApiClient.Result result = calls.post(key, admin, "{\"content\":\"x\"}");

    failed(result, 200, 1003, ghost);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("UserIDNotFoundError");
  }

  @Test
  void aGroupKeyNeedsTheSenderInTheBody() {
    String key = withKey("{\"sendID\":\"" + user + "\",\"groupID\":\"" + ApiClient.uniqueId("g") + "\"}");

    failed(calls.post(key, admin, "{\"content\":\"x\"}"), 200, 1001, "missing sendID");
  }

  @Test
  void aKeyWithoutItsSenderIsRefused() {
    failed(calls.post(withKey("{\"recvID\":\"" + bot + "\",\"groupID\":\"g\"}"), admin,
        "{\"content\":\"x\",\"sendID\":\"" + bot + "\"}"), 200, 1001, "missing recvID or GroupID");
  }

  @Test
  void aMissingOrBrokenKeyIs1001WithHttp200() {
    failed(calls.post(SEND_SIMPLE_MSG, admin, "{\"content\":\"x\"}"), 200, 1001, "key");
    failed(calls.post(SEND_SIMPLE_MSG + "?key=%25%25%25", admin, "{\"content\":\"x\"}"), 200, 1001, "base64");
    failed(calls.post(withKey("[1]"), admin, "{\"content\":\"x\"}"), 200, 1001, "");
    failed(calls.post(withKey("{\"sendID\":7}"), admin, "{\"content\":\"x\"}"), 200, 1001, "");
  }

  @Test
  void aBodyWithoutContentIsHttp400() {
    failed(calls.post(singleKey(), admin, "{\"content\":\"\"}"), 400, 1001, "content");
    failed(calls.post(singleKey(), admin, "{}"), 400, 1001, "content");
    failed(calls.post(singleKey(), admin, "{\"content\":1}"), 400, 1001, "");
    failed(calls.post(singleKey(), admin, ""), 400, 1001, "");
  }
}
