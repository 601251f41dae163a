package io.imflux.user.clientconfig;

import static io.imflux.user.clientconfig.ClientConfigRoutesTest.GET;
import static io.imflux.user.clientconfig.ClientConfigRoutesTest.SET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In the reference's numbers a missing user is 1004 RecordNotFoundError (spec/dialects.md §1). */
@ImfluxTest
@OpenImDialect
class ClientConfigOpenImDialectTest {

  @LocalServerPort
  int port;

  @Test
  void unknownUsersAre1004() {
    ApiClient api = new ApiClient(port);
    String ghost = ApiClient.uniqueId("ghost");

    ApiClient.Result get = api.post(GET, api.adminToken(), Map.of("userID", ghost));
    ApiClient.Result set = api.post(SET, api.adminToken(), Map.of("userID", ghost, "configs", Map.of("k", "v")));

    for (ApiClient.Result result : new ApiClient.Result[] {get, set}) {
      assertEquals(1004, result.errCode());
      assertEquals("RecordNotFoundError", result.json().get("errMsg").asString());
    }
  }

  @Test
  void aUsersOwnConfigurationReadsTheSame() {
    ApiClient api = new ApiClient(port);
    String user = ApiClient.uniqueId("cfg_oim");
    api.register(user);
    api.ok(SET, api.adminToken(), Map.of("userID", user, "configs", Map.of("k", "v")));

    ApiClient.Result result = api.post(GET, api.userToken(user, 2), Map.of("userID", user));
    assertEquals("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{\"configs\":{\"k\":\"v\"}}}", result.text());
  }
}
