package io.imflux.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** Assertions on response envelopes shared by the route tests (document dialect unless told). */
public final class Envelopes {

  /** The success envelope of a route whose response has no fields, byte for byte. */
  public static final String EMPTY_SUCCESS = "{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}";

  /** The keys of a UserInfo, in .proto order (spec/api-auth-user.md "Shared object types"). */
  public static final List<String> USER_INFO_KEYS =
      List.of("userID", "nickname", "faceURL", "ex", "createTime", "appMangerLevel", "globalRecvMsgOpt");

  private Envelopes() {}

  public static void assertError(ApiClient.Result result, int errCode, String errDltPart) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isEqualTo(errCode);
    assertThat(result.json().get("errDlt").asString()).as(result.text()).contains(errDltPart);
    assertThat(result.json().has("data")).as(result.text()).isFalse();
  }

  public static void assertEmptySuccess(ApiClient.Result result) {
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.text()).isEqualTo(EMPTY_SUCCESS);
  }

  public static JsonNode data(ApiClient.Result result) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isZero();
    return result.data();
  }

  public static List<String> keys(JsonNode node) {
    return List.copyOf(node.propertyNames());
  }

  public static List<String> texts(JsonNode array) {
    return array.values().stream().map(JsonNode::asString).toList();
  }
}
