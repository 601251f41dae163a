package io.imflux.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ApiClient.Result;
import io.imflux.testing.ImfluxTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The middleware every request goes through, over real HTTP in the default {@code document} dialect
 * (spec/common.md §1, §2): CORS and OPTIONS, the operationID and token headers in that order, unknown paths,
 * compression, and the operational endpoints under /actuator.
 */
@ImfluxTest
class CommonLayerTest {

  static final String MISSING_OPERATION_ID =
      "{\"errCode\":1001,\"errMsg\":\"ArgsError\",\"errDlt\":\"header must have operationID\"}";
  static final String MISSING_TOKEN =
      "{\"errCode\":1001,\"errMsg\":\"ArgsError\",\"errDlt\":\"header must have token\"}";

  @LocalServerPort
  int port;

  ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  /** The CORS headers the reference's middleware puts on every response (spec/common.md §1). */
  static void assertCorsHeaders(HttpHeaders headers) {
    assertThat(headers.firstValue("Access-Control-Allow-Origin")).contains("*");
    assertThat(headers.firstValue("Access-Control-Allow-Methods")).contains("*");
    assertThat(headers.firstValue("Access-Control-Allow-Headers")).contains("*");
    assertThat(headers.firstValue("Access-Control-Max-Age")).contains("172800");
    assertThat(headers.firstValue("Access-Control-Allow-Credentials")).contains("false");
    assertThat(headers.firstValue("Access-Control-Expose-Headers")).contains("Content-Length, "
        + "Access-Control-Allow-Origin, Access-Control-Allow-Headers,Cache-Control,Content-Language,Content-Type,"
        + "Expires,Last-Modified,Pragma,FooBar");
  }

  static void assertEnvelope(Result result, String expected) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.text()).isEqualTo(expected);
    assertThat(result.headers().firstValue("Content-Type")).contains("application/json");
    assertCorsHeaders(result.headers());
  }

  static void assertNotFound(Result result) {
    assertThat(result.status()).isEqualTo(404);
    assertThat(result.text()).isEqualTo("404 page not found");
    assertThat(result.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertCorsHeaders(result.headers());
  }

  @Test
  void missingOperationIdIsAnArgumentError() {
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of(), "{}"), MISSING_OPERATION_ID);
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of("operationID", ""), "{}"), MISSING_OPERATION_ID);
  }

  @Test
  void operationIdIsCheckedBeforeTheToken() {
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of("token", "garbage"), "{}"), MISSING_OPERATION_ID);
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of("token", api.adminToken()), "{}"),
        MISSING_OPERATION_ID);
  }

  @Test
  void whitelistedRoutesStillNeedAnOperationId() {
    String body = "{\"secret\":\"openIM123\",\"userID\":\"imAdmin\"}";

    assertEnvelope(api.send("POST", "/auth/get_admin_token", Map.of(), body), MISSING_OPERATION_ID);
    assertEnvelope(api.send("POST", "/auth/parse_token", Map.of(), "{\"token\":\"x\"}"), MISSING_OPERATION_ID);
  }

  @Test
  void whitelistedRoutesNeedNoToken() {
    Result result = api.post("/auth/get_admin_token", null, Map.of("secret", ApiClient.SECRET, "userID",
        ApiClient.ADMIN_ID));

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isZero();
    assertThat(result.json().get("errMsg").asString()).isEqualTo("success");
    assertThat(result.json().get("errDlt").asString()).isEmpty();
    assertThat(result.data().get("token").asString()).isNotEmpty();
    assertCorsHeaders(result.headers());
  }

  @Test
  void missingTokenIsAnArgumentError() {
    assertEnvelope(api.post("/user/get_users_info", null, "{\"userIDs\":[]}"), MISSING_TOKEN);
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of("operationID", "op", "token", ""), "{}"),
        MISSING_TOKEN);
  }

  @Test
  void garbageTokenIsTheDocumentsTokenError() {
    Result result = api.post("/user/get_users_info", "garbage", "{\"userIDs\":[]}");

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isEqualTo(1005);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("TokenInvalidError");
    // The document folds the reference's seven token codes into 1005 and names the precise one here.
    assertThat(result.json().get("errDlt").asString()).startsWith("TokenMalformedError");
    assertThat(result.json().has("data")).isFalse();
    assertCorsHeaders(result.headers());
  }

  @Test
  void headerNamesAreCaseInsensitive() {
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of("OPERATIONID", "op"), "{}"), MISSING_TOKEN);
    Result garbage = api.send("POST", "/user/get_users_info", Map.of("operationid", "op", "TOKEN", "garbage"), "{}");
    assertThat(garbage.errCode()).as(garbage.text()).isEqualTo(1005);

    String user = ApiClient.uniqueId("hdr");
    api.register(user);
    Result issued = api.send("POST", "/auth/get_user_token",
        Map.of("OperationID", "op", "Token", api.adminToken()), "{\"userID\":\"" + user + "\",\"platformID\":5}");
    assertThat(issued.errCode()).as(issued.text()).isZero();
    assertThat(issued.data().get("token").asString()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/user/get_users_info", "/no/such/route", "/", "/actuator/health"})
  void optionsIsAnsweredForAnyPathWithoutHeaders(String path) {
    Result result = api.send("OPTIONS", path, Map.of(), null);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.text()).isEqualTo("\"Options Request!\"");
    assertCorsHeaders(result.headers());
  }

  @Test
  void unknownPathIsNotFoundText() {
    assertNotFound(api.send("GET", "/no/such/route", Map.of(), null));
    assertNotFound(api.send("DELETE", "/user/get_users_info", Map.of(), null));
  }

  @Test
  void wrongMethodOnAnExistingRouteIsNotFound() {
    assertNotFound(api.send("GET", "/auth/get_admin_token", Map.of(), null));
    assertNotFound(api.send("PUT", "/auth/get_admin_token", Map.of("operationID", "op"), "{}"));
  }

  @Test
  void postToAnUnknownPathRunsTheHeaderChecksFirst() {
    assertEnvelope(api.send("POST", "/no/such/route", Map.of(), "{}"), MISSING_OPERATION_ID);
    assertEnvelope(api.post("/no/such/route", null, "{}"), MISSING_TOKEN);
    Result garbage = api.post("/no/such/route", "garbage", "{}");
    assertThat(garbage.status()).isEqualTo(200);
    assertThat(garbage.errCode()).as(garbage.text()).isEqualTo(1005);
  }

  @Test
  void postToAnUnknownPathWithAValidTokenIsNotFound() {
    assertNotFound(api.post("/no/such/route", api.adminToken(), "{}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "{\"secret\":1}", "{\"secret\":\"openIM123\"} x", "[]", "{\"userID\":"})
  void undecodableBodyIsAnArgumentErrorWithHttp200(String body) {
    Result result = api.post("/auth/get_admin_token", null, body);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isEqualTo(1001);
    assertThat(result.json().get("errMsg").isString()).isTrue();
    assertThat(result.json().get("errDlt").isString()).isTrue();
    assertThat(result.json().has("data")).isFalse();
  }

  @Test
  void largeResponsesAreGzippedForClientsThatAskForIt() {
    List<String> ids = new ArrayList<>();
    List<Map<String, String>> users = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      String id = ApiClient.uniqueId("gz");
      ids.add(id);
      users.add(Map.of("userID", id, "nickname", "n".repeat(1000), "faceURL", "http://img/" + id + ".png"));
    }
    api.ok("/user/user_register", api.adminToken(), Map.of("users", users));
    String body = ApiClient.JSON.writeValueAsString(Map.of("userIDs", ids));
    Map<String, String> headers = Map.of("operationID", "op", "token", api.adminToken());

    HttpResponse<byte[]> gzipped = rawPost("/user/get_users_info", headers, body, "gzip");
    HttpResponse<byte[]> plain = rawPost("/user/get_users_info", headers, body, null);

    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(gzipped.headers().firstValue("Content-Encoding")).contains("gzip");
    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    String unzipped = gunzip(gzipped.body());
    assertThat(gzipped.body().length).isLessThan(unzipped.length());
    assertThat(unzipped).isEqualTo(new String(plain.body(), StandardCharsets.UTF_8));
    JsonNode json = ApiClient.JSON.readTree(unzipped);
    assertThat(json.get("errCode").asInt()).isZero();
    assertThat(json.get("data").get("usersInfo")).hasSize(3);
  }

  @Test
  void smallResponsesAreNotCompressed() {
    HttpResponse<byte[]> response = rawPost("/user/get_users_info", Map.of(), "{}", "gzip");

    assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(MISSING_OPERATION_ID);
  }

  @Test
  void healthIsUp() {
    Result result = api.send("GET", "/actuator/health", Map.of(), null);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.json().get("status").asString()).isEqualTo("UP");
    assertCorsHeaders(result.headers());
  }

  @Test
  void prometheusExposesMetrics() {
    api.post("/user/get_users_info", null, "{}");

    Result result = api.send("GET", "/actuator/prometheus", Map.of(), null);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("text/plain"));
    assertThat(result.text()).contains("# TYPE jvm_memory_used_bytes gauge", "process_uptime_seconds",
        "http_server_requests_seconds_count");
  }

  private HttpResponse<byte[]> rawPost(
      String path, Map<String, String> headers, String body, @Nullable String encoding) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    if (encoding != null) {
      request.header("Accept-Encoding", encoding);
    }
    try {
      return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String gunzip(byte[] bytes) {
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
