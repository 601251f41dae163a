package io.imflux.msg.send;

import static io.imflux.msg.send.SendCalls.BATCH_SEND_MSG;
import static io.imflux.msg.send.SendCalls.MSG_ID;
import static io.imflux.msg.send.SendCalls.SEND_BUSINESS_NOTIFICATION;
import static io.imflux.msg.send.SendCalls.failed;
import static io.imflux.msg.send.SendCalls.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code /msg/batch_send_msg} and {@code /msg/send_business_notification} (spec/api-msg.md §4.3, §4.5). */
@ImfluxTest
class BatchAndBusinessRoutesTest extends SendRouteTests {

  private String alice;
  private String bob;
  private String carol;

  @BeforeEach
  void users() {
    alice = ApiClient.uniqueId("alice");
    bob = ApiClient.uniqueId("bob");
    carol = ApiClient.uniqueId("carol");
    client.register(alice, bob, carol);
  }

  private String batch(String recvIDs, String extra) {
    return "{\"sendID\":\"" + alice + "\",\"contentType\":101,\"sessionType\":1,\"content\":{\"content\":\"all\"},"
        + "\"recvIDs\":" + recvIDs + extra + "}";
  }

  private static List<String> texts(JsonNode array) {
    return array.values().stream().map(JsonNode::asString).toList();
  }

  @Test
  void eachReceiverGetsItsOwnMessageAndFailuresAreListed() {
    String ghost = ApiClient.uniqueId("ghost");
    ApiClient.Result result = calls.post(BATCH_SEND_MSG, admin,
        batch("[\"" + bob + "\",\"" + ghost + "\",\"" + carol + "\"]", ""));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isZero();
    JsonNode data = result.data();
    assertThat(List.copyOf(data.propertyNames())).containsExactly("results", "failedUserIDs");
    JsonNode results = data.get("results");
    assertThat(results.values().stream().map(r -> r.get("recvID").asString())).containsExactly(bob, carol);
    for (JsonNode one : results.values()) {
      assertThat(List.copyOf(one.propertyNames())).containsExactly("serverMsgID", "clientMsgID", "sendTime", "recvID");
      assertThat(one.get("serverMsgID").asString()).matches(MSG_ID);
      assertThat(one.get("clientMsgID").asString()).matches(MSG_ID);
    }
    assertThat(results.get(0).get("clientMsgID").asString()).isNotEqualTo(results.get(1).get("clientMsgID").asString());
    assertThat(texts(data.get("failedUserIDs"))).containsExactly(ghost);
  }

  @Test
  void anEmptyReceiverListSendsNothing() {
    ApiClient.Result result = calls.post(BATCH_SEND_MSG, admin, batch("[]", ""));

    assertThat(result.text()).endsWith("\"data\":{\"results\":[],\"failedUserIDs\":[]}}");
  }

  @Test
  void sendAllGoesToEveryRegisteredUser() {
    JsonNode data = client.ok(BATCH_SEND_MSG, admin, batch("[]", ",\"isSendAll\":true"));
    long total = client.ok("/user/get_all_users_uid", admin, "{\"pagination\":{\"pageNumber\":1,\"showNumber\":1}}")
        .get("total").asLong();

    List<String> reached = new ArrayList<>(data.get("results").values().stream()
        .map(r -> r.get("recvID").asString()).toList());
    reached.addAll(texts(data.get("failedUserIDs")));
    assertThat(reached).contains(alice, bob, carol, ApiClient.ADMIN_ID).doesNotHaveDuplicates();
    assertThat((long) reached.size()).isEqualTo(total);
  }

  @Test
  void noStatusIsRecordedForABatch() {
    String operationID = UUID.randomUUID().toString();
    calls.post(BATCH_SEND_MSG, admin, operationID, batch("[\"" + bob + "\"]", ""));

    assertThat(calls.sendStatus(admin, operationID)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":1,\"content\":{}}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":1,\"content\":{},\"recvIDs\":null,\"isSendAll\":true}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":3,\"content\":{},\"recvIDs\":[]}",
      "{\"contentType\":101,\"sessionType\":1,\"content\":{},\"recvIDs\":[]}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":1,\"recvIDs\":[]}",
      "{\"sendID\":\"a\",\"contentType\":101,\"sessionType\":1,\"content\":{},\"recvIDs\":\"b\"}",
  })
  void aBatchThatDoesNotBindIsHttp400(String body) {
    failed(calls.post(BATCH_SEND_MSG, admin, body), 400, 1001, "");
  }

  @Test
  void aBatchNeedsTheAppManagerAndValidContent() {
    failed(calls.post(BATCH_SEND_MSG, client.userToken(alice, 5), batch("[\"" + bob + "\"]", "")), 200, 1002,
        "only app manager can send message");
    failed(calls.post(BATCH_SEND_MSG, admin, batch("[\"" + bob + "\"]", "").replace("\"content\":\"all\"", "\"x\":1")),
        200, 1001, "TextElem.content");
    String location = batch("[\"" + bob + "\"]", "").replace("\"contentType\":101", "\"contentType\":109");
    failed(calls.post(BATCH_SEND_MSG, admin, location), 200, 1001, "unsupported content type");
  }

  private String notification(String receivers, String extra) {
    return "{\"sendUserID\":\"" + alice + "\"," + receivers + ",\"key\":\"order\",\"data\":\"{\\\"id\\\":1}\"" + extra
        + "}";
  }

  @Test
  void theAdminSendsABusinessNotificationToAUser() {
    sent(calls.post(SEND_BUSINESS_NOTIFICATION, admin, notification("\"recvUserID\":\"" + bob + "\"", "")));
    sent(calls.post(SEND_BUSINESS_NOTIFICATION, admin,
        notification("\"recvUserID\":\"" + bob + "\"", ",\"reliabilityLevel\":2,\"sendMsg\":true")));
    sent(calls.post(SEND_BUSINESS_NOTIFICATION, admin,
        notification("\"recvUserID\":\"" + bob + "\"", ",\"reliabilityLevel\":3")));
    sent(calls.post(SEND_BUSINESS_NOTIFICATION, admin,
        notification("\"recvUserID\":\"" + bob + "\"", ",\"reliabilityLevel\":null")));
  }

  @Test
  void exactlyOneReceiverIsRequiredAndCheckedBeforePermission() {
    String user = client.userToken(alice, 5);

    failed(calls.post(SEND_BUSINESS_NOTIFICATION, user, notification("\"recvUserID\":\"\"", "")), 200, 1001,
        "cannot be empty at the same time");
    failed(calls.post(SEND_BUSINESS_NOTIFICATION, admin,
        notification("\"recvUserID\":\"" + bob + "\",\"recvGroupID\":\"g\"", "")), 200, 1001,
        "cannot be set at the same time");
    failed(calls.post(SEND_BUSINESS_NOTIFICATION, user, notification("\"recvUserID\":\"" + bob + "\"", "")), 200,
        1002, "only app manager can send message");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"recvUserID\":\"b\"}", "{\"sendUserID\":\"\",\"recvUserID\":\"b\"}",
      "{\"sendUserID\":\"a\",\"recvUserID\":\"b\",\"reliabilityLevel\":\"2\"}", ""})
  void aBusinessNotificationThatDoesNotBindIsHttp400(String body) {
    failed(calls.post(SEND_BUSINESS_NOTIFICATION, admin, body), 400, 1001, "");
  }
}
