package io.imflux.user;

import static io.imflux.testing.Envelopes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The document dialect's own numbers for the user routes (spec/dialects.md §1); see {@link UserOpenImDialectTest}. */
@ImfluxTest
class UserDocumentDialectTest {

  @LocalServerPort
  int port;

  @Test
  void aMissingUserIs1003UserIDNotFound() {
    ApiClient client = new ApiClient(port);
    String ghost = ApiClient.uniqueId("ghost");
    var result = client.post("/user/update_user_info_ex", client.adminToken(),
        Map.of("userInfo", Map.of("userID", ghost, "nickname", "x")));
    assertError(result, 1003, ghost);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("UserIDNotFoundError");
    assertError(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", ApiClient.ADMIN_ID, "nickname", "n")))), 1102, "");
  }
}
