package io.imflux.msg.send;

import static io.imflux.msg.send.SendCalls.SEND_MSG;
import static io.imflux.msg.send.SendCalls.SEND_SIMPLE_MSG;
import static io.imflux.msg.send.SendCalls.failed;
import static io.imflux.msg.send.SendCalls.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The send routes in the {@code openim} dialect: 1400 is the OA notification, 1201 a friend notification the API
 * does not send, and unknown users carry the reference's codes (spec/dialects.md §1, §3).
 */
@ImfluxTest
@OpenImDialect
class SendRoutesOpenImTest extends SendRouteTests {

  private String bob;

  @BeforeEach
  void users() {
    bob = ApiClient.uniqueId("bob");
    client.register(bob);
  }

  private static String oa(String sendID, String recvID, int contentType) {
    return "{\"sendID\":\"" + sendID + "\",\"recvID\":\"" + recvID + "\",\"contentType\":" + contentType
        + ",\"sessionType\":4,\"content\":{\"notificationName\":\"n\",\"notificationType\":1,\"text\":\"t\"}}";
  }

  @Test
  void anOaNotificationIs1400() {
    String account = client.ok("/user/add_notification_account", admin,
        Map.of("nickName", "News", "appMangerLevel", 3)).get("userID").asString();

    ApiClient.Result result = calls.post(SEND_MSG, admin, oa(account, bob, 1400));

    assertThat(result.text()).startsWith("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{");
    sent(result);
    failed(calls.post(SEND_MSG, admin, oa(account, bob, 1201)), 200, 1001, "unsupported content type");
  }

  @Test
  void anUnknownOaSenderIs1101() {
    String ghost = ApiClient.uniqueId("ghost");

    ApiClient.Result result = calls.post(SEND_MSG, admin, oa(ghost, bob, 1400));

    failed(result, 200, 1101, ghost);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("UserIDNotFoundError");
    failed(calls.post(SEND_MSG, admin, oa(bob, bob, 1400)), 200, 1002,
        "notification messages cannot be sent for this ID");
  }

  @Test
  void theDocumentsQuoteNumberIsAcceptedToo() {
    String alice = ApiClient.uniqueId("alice");
    client.register(alice);

    for (int quote : new int[] {112, 114}) {
      sent(calls.post(SEND_MSG, admin, "{\"sendID\":\"" + alice + "\",\"recvID\":\"" + bob + "\",\"contentType\":"
          + quote + ",\"sessionType\":1,\"content\":{\"text\":\"re\"}}"));
    }
  }

  @Test
  void anUnknownSimpleMsgSenderIsRecordNotFound1004() {
    String ghost = ApiClient.uniqueId("ghost");
    String key = SimpleMsgKeyTest.encode("{\"sendID\":\"" + bob + "\",\"recvID\":\"" + ghost + "\"}");

    ApiClient.Result result = calls.post(SEND_SIMPLE_MSG + "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8),
        admin, "{\"content\":\"x\"}");

    failed(result, 200, 1004, ghost);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("RecordNotFoundError");
  }
}
