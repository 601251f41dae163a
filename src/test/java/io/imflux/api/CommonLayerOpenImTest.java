package io.imflux.api;

import static io.imflux.api.CommonLayerTest.MISSING_OPERATION_ID;
import static io.imflux.api.CommonLayerTest.MISSING_TOKEN;
import static io.imflux.api.CommonLayerTest.assertCorsHeaders;
import static io.imflux.api.CommonLayerTest.assertEnvelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ApiClient.Result;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The common layer in the {@code openim} dialect: the same header errors, the reference's precise token codes and
 * an empty success {@code errMsg} (spec/dialects.md §1).
 */
@ImfluxTest
@OpenImDialect
class CommonLayerOpenImTest {

  @LocalServerPort
  int port;

  ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  @Test
  void headerErrorsAreTheSameAsInTheDocument() {
    assertEnvelope(api.send("POST", "/user/get_users_info", Map.of("token", "garbage"), "{}"), MISSING_OPERATION_ID);
    assertEnvelope(api.post("/user/get_users_info", null, "{}"), MISSING_TOKEN);
  }

  @Test
  void garbageTokenIsMalformed() {
    Result result = api.post("/user/get_users_info", "garbage", "{\"userIDs\":[]}");

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isEqualTo(1503);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("TokenMalformedError");
    assertThat(result.json().has("data")).isFalse();
    assertCorsHeaders(result.headers());
  }

  @Test
  void garbageTokenOnAnUnknownPathIsMalformedToo() {
    assertThat(api.post("/no/such/route", "garbage", "{}").errCode()).isEqualTo(1503);
  }

  @Test
  void successMessageIsEmpty() {
    Result result = api.post("/auth/get_admin_token", null, Map.of("secret", ApiClient.SECRET, "userID",
        ApiClient.ADMIN_ID));

    assertThat(result.text()).startsWith("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{\"token\":\"");
  }

  @Test
  void optionsNeedsNoHeaders() {
    Result result = api.send("OPTIONS", "/auth/get_admin_token", Map.of(), null);

    assertThat(result.status()).isEqualTo(200);
    assertThat(result.text()).isEqualTo("\"Options Request!\"");
    assertCorsHeaders(result.headers());
  }
}
