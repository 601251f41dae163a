package io.imflux.msg.send;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Calls and assertions shared by the send route tests. */
final class SendCalls {

  static final String SEND_MSG = "/msg/send_msg";
  static final String BATCH_SEND_MSG = "/msg/batch_send_msg";
  static final String SEND_SIMPLE_MSG = "/msg/send_simple_msg";
  static final String SEND_BUSINESS_NOTIFICATION = "/msg/send_business_notification";
  static final String CHECK_SEND_STATUS = "/msg/check_msg_is_send_success";
  static final String SERVER_TIME = "/msg/get_server_time";

  /** The keys of a send reply, in order: never {@code modify} (no before-modify webhook). */
  static final List<String> SEND_REPLY_KEYS = List.of("serverMsgID", "clientMsgID", "sendTime");
  static final String MSG_ID = "[0-9a-f]{32}";

  private final ApiClient client;

  SendCalls(ApiClient client) {
    this.client = client;
  }

  /** A POST whose operationID the caller chooses, to check the send status under it later. */
  ApiClient.Result post(String path, String token, String operationID, String body) {
    return client.send("POST", path, Map.of("operationID", operationID, "token", token), body);
  }

  ApiClient.Result post(String path, String token, String body) {
    return post(path, token, UUID.randomUUID().toString(), body);
  }

  int sendStatus(String token, String operationID) {
    ApiClient.Result result = post(CHECK_SEND_STATUS, token, operationID, "{}");
    assertThat(result.errCode()).as(result.text()).isZero();
    assertThat(List.copyOf(result.data().propertyNames())).containsExactly("status");
    return result.data().get("status").asInt();
  }

  /** A text message from {@code sendID} to {@code recvID} as send_msg takes it. */
  static String text(String sendID, String recvID, String text) {
    return "{\"sendID\":\"" + sendID + "\",\"recvID\":\"" + recvID + "\",\"contentType\":101,\"sessionType\":1,"
        + "\"content\":{\"content\":\"" + text + "\"}}";
  }

  static JsonNode sent(ApiClient.Result result) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isZero();
    JsonNode data = result.data();
    assertThat(List.copyOf(data.propertyNames())).containsExactlyElementsOf(SEND_REPLY_KEYS);
    assertThat(data.get("serverMsgID").asString()).matches(MSG_ID);
    assertThat(data.get("clientMsgID").asString()).matches(MSG_ID);
    assertThat(data.get("sendTime").asLong()).isPositive();
    return data;
  }

  /** A failure with HTTP {@code status}, the error code, and a detail containing {@code detailPart}. */
  static void failed(ApiClient.Result result, int status, int errCode, String detailPart) {
    assertThat(result.status()).as(result.text()).isEqualTo(status);
    assertThat(result.errCode()).as(result.text()).isEqualTo(errCode);
    assertThat(result.json().get("errDlt").asString()).as(result.text()).contains(detailPart);
    assertThat(result.json().has("data")).as(result.text()).isFalse();
  }
}
