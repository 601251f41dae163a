package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imflux.gateway.codec.FrameFormat;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.testing.ApiClient;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.GatewayClient.Refusal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The upgrade of spec/gateway.md §2-§3: parameters, checks in order, and both ways of reporting a refusal. The two
 * dialects differ only in token error codes and platform numbers.
 */
abstract class UpgradeContract {

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  ApiClient api;
  String user;
  String token;

  /** The refusal envelope of a token error, named by its openim code and name. */
  abstract String tokenError(int openimCode, String openimName, String detail);

  /** The dialect's number for Linux, whose numbers differ (spec/dialects.md §2). */
  abstract int linux();

  @BeforeEach
  void user() {
    api = new ApiClient(apiPort);
    user = ApiClient.uniqueId("up");
    api.register(user);
    token = api.userToken(user, linux());
  }

  @Test
  void anyPathOfTheGatewayPortUpgradesAndServesRequests() {
    for (String path : new String[] {"/", "/msg_gateway", "/some/other/path"}) {
      try (GatewayClient client = GatewayClient.connect(gateway.port(), path,
          GatewayClient.sdkQuery(user, token, linux()), user, FrameFormat.GOB_GZIP)) {
        assertThat(client.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
      }
    }
  }

  @Test
  void theApiPortServesTheGatewayAtMsgGateway() {
    try (GatewayClient client = GatewayClient.connect(apiPort, "/msg_gateway",
        GatewayClient.sdkQuery(user, token, linux()), user, FrameFormat.GOB_GZIP)) {
      assertThat(client.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
    }
    Refusal refusal = GatewayClient.refusal(apiPort, "/msg_gateway", "?sendID=" + user);
    assertThat(refusal.body()).contains("\"errCode\":1602");
  }

  @Test
  void isMsgRespGetsTheSuccessEnvelopeAsFirstTextFrameAndOthersNoTextAtAll() {
    try (GatewayClient wasm = GatewayClient.connect(gateway.port(), "/",
        GatewayClient.sdkQuery(user, token, linux()) + "&isMsgResp=true", user, FrameFormat.GOB_GZIP)) {
      assertThat(wasm.awaitText()).isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
      assertThat(wasm.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
    }
    try (GatewayClient sdk = GatewayClient.connect(gateway.port(), user, token, linux())) {
      assertThat(sdk.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
      assertThat(sdk.drain()).noneMatch(received -> received.text() != null);
    }
  }

  @Test
  void parameterErrorsAreHttpBodiesInTheReferencesOrder() {
    Map<String, String> valid = new LinkedHashMap<>();
    valid.put("sendID", user);
    valid.put("token", token);
    valid.put("platformID", String.valueOf(linux()));
    valid.put("operationID", "op1");
    valid.put("isBackground", "false");
    assertArgsError(without(valid, "platformID"), "platformID is not int");
    assertArgsError(with(valid, "platformID", "2x"), "platformID is not int");
    assertArgsError(with(with(valid, "platformID", "x"), "isMsgResp", "maybe"), "platformID is not int");
    assertArgsError(with(valid, "isMsgResp", "maybe"), "isMsgResp is not bool");
    assertArgsError(with(without(valid, "token"), "isMsgResp", "true"), "token is empty");
    assertArgsError(without(valid, "operationID"), "operationID is empty");
    assertArgsError(without(without(valid, "operationID"), "token"), "operationID is empty");
    assertArgsError(without(valid, "token"), "token is empty");
    assertArgsError(without(valid, "sendID"), "sendID is empty");
    assertArgsError(with(valid, "platformID", "12"), "platformID is invalid");
    assertArgsError(with(valid, "platformID", "0"), "platformID is invalid");
    assertArgsError(with(valid, "sdkType", "java"), "sdkType is invalid");
    Refusal background = GatewayClient.refusal(gateway.port(), "/", GatewayClient.query(
        with(valid, "isBackground", "yes")));
    assertThat(background.body()).isEqualTo(
        "{\"errCode\":500,\"errMsg\":\"ServerInternalError\",\"errDlt\":\"strconv.ParseBool: parsing \\\"yes\\\": invalid syntax\"}");
  }

  /** §20 Q1, our decision: a missing isBackground is false, where the reference answers 500. */
  @Test
  void missingIsBackgroundIsForeground() {
    Map<String, String> query = Map.of("sendID", user, "token", token, "platformID", String.valueOf(linux()),
        "operationID", "op1", "compression", "gzip");
    try (GatewayClient client = GatewayClient.connect(gateway.port(), "/", GatewayClient.query(query), user,
        FrameFormat.GOB_GZIP)) {
      assertThat(client.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
    }
  }

  @Test
  void tokenErrorsAreHttpBodiesWithoutIsMsgResp() {
    Refusal malformed = refusal(user, "not-a-jwt", linux(), false);
    assertThat(malformed.status()).isEqualTo(200);
    assertThat(malformed.contentType()).isEqualTo("application/json; charset=utf-8");
    assertThat(malformed.body()).isEqualTo(tokenError(1503, "TokenMalformedError", "token is malformed"));

    String other = ApiClient.uniqueId("other");
    api.register(other);
    assertThat(refusal(user, api.userToken(other, linux()), linux(), false).body())
        .isEqualTo(tokenError(1502, "TokenInvalidError", "token uid " + other + " != userID " + user));
    String androidToken = api.userToken(user, 2);
    assertThat(refusal(user, androidToken, linux(), false).body())
        .isEqualTo(tokenError(1502, "TokenInvalidError", "token platform 2 != platformID " + linux()));
  }

  @Test
  void aKickedTokenIsRefused() {
    String kicked = token;
    token = api.userToken(user, linux()); // policy 1: the older token of the platform is kicked
    assertThat(refusal(user, kicked, linux(), false).body())
        .isEqualTo(tokenError(1506, "TokenKickedError", "token has been kicked"));
    assertThat(refusal(user, kicked, linux(), true).status()).isEqualTo(101);
  }

  @Test
  void tokenErrorsWithIsMsgRespAreOneTextFrameThenTheConnectionCloses() {
    String query = GatewayClient.sdkQuery(user, "not-a-jwt", linux()) + "&isMsgResp=1";
    GatewayClient client = GatewayClient.connect(gateway.port(), "/", query, user, FrameFormat.GOB_GZIP);
    assertThat(client.awaitText()).isEqualTo(tokenError(1503, "TokenMalformedError", "token is malformed"));
    client.awaitClosed();
    assertThat(client.drain()).allMatch(GatewayClient.Received::ended);
  }

  /** §3.2: a refusal body must be JSON within the 1024 bytes the native SDK reads. */
  @Test
  void refusalBodiesStayWithin1024Bytes() {
    String longID = "u".repeat(3000);
    Refusal refusal = refusal(longID, token, linux(), false);
    assertThat(refusal.body().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
    assertThat(ApiClient.JSON.readTree(refusal.body()).get("errDlt").asString())
        .contains("token uid " + user + " != userID uuu");
  }

  @Test
  void aPlainGetWithValidParametersIsA400AfterAuthentication() {
    ApiClient.Result plain = new ApiClient(gateway.port()).send("GET",
        "/" + GatewayClient.sdkQuery(user, token, linux()), Map.of(), null);
    assertThat(plain.status()).isEqualTo(400);
    assertThat(plain.text()).contains("not using the websocket protocol");
    ApiClient.Result unauthenticated = new ApiClient(gateway.port()).send("GET",
        "/" + GatewayClient.sdkQuery(user, "bad", linux()), Map.of(), null);
    assertThat(unauthenticated.status()).isEqualTo(200);
  }

  @Test
  void jsonModeReadsTheBase64urlObjectAndIgnoresOtherKeys() {
    String v = base64url("{\"token\":\"" + token + "\",\"userID\":\"" + user + "\",\"platformID\":" + linux()
        + ",\"operationID\":\"op1\",\"compression\":\"gzip\",\"sdkType\":\"js\",\"sendResponse\":true}");
    try (GatewayClient client = GatewayClient.connect(gateway.port(), "/", "?sendID=ignored&v=" + v, user,
        FrameFormat.JSON_GZIP)) {
      assertThat(client.awaitText()).isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
      assertThat(client.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
    }
    assertArgsError(Map.of("v", "!!!"), "data is not base64");
    assertArgsError(Map.of("v", base64url("{\"x\":1}") + "="), "data is not base64");
    assertArgsError(Map.of("v", base64url("[1]")), "data is not json");
    assertArgsError(Map.of("v", base64url("{\"platformID\":\"5\"}")), "data is not json");
    assertArgsError(Map.of("v", base64url("{\"operationID\":\"op\",\"token\":\"t\",\"userID\":\"u\"}")),
        "platformID is invalid");
  }

  @Test
  void anUnknownTokenUserCannotConnectAsAnother() {
    assertThatThrownBy(() -> GatewayClient.connect(gateway.port(), "/",
        GatewayClient.sdkQuery(user + "x", token, linux()), user, FrameFormat.GOB_GZIP))
        .isInstanceOf(IllegalStateException.class);
  }

  Refusal refusal(String userID, String token, int platformID, boolean isMsgResp) {
    return GatewayClient.refusal(gateway.port(), "/",
        GatewayClient.sdkQuery(userID, token, platformID) + (isMsgResp ? "&isMsgResp=true" : ""));
  }

  private void assertArgsError(Map<String, String> query, String detail) {
    Refusal refusal = GatewayClient.refusal(gateway.port(), "/", GatewayClient.query(query));
    assertThat(refusal.status()).isEqualTo(200);
    assertThat(refusal.body()).as(query.toString()).isEqualTo(
        "{\"errCode\":1602,\"errMsg\":\"args err, need token, sendID, platformID\",\"errDlt\":\"" + detail + "\"}");
  }

  private static Map<String, String> with(Map<String, String> query, String key, String value) {
    Map<String, String> copy = new LinkedHashMap<>(query);
    copy.put(key, value);
    return copy;
  }

  private static Map<String, String> without(Map<String, String> query, String key) {
    Map<String, String> copy = new LinkedHashMap<>(query);
    copy.remove(key);
    return copy;
  }

  static String base64url(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }
}
