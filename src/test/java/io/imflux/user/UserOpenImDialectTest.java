package io.imflux.user;

import static io.imflux.testing.Envelopes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Platform;
import io.imflux.presence.Connection;
import io.imflux.presence.Presence;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The user routes in the {@code openim} dialect: the reference's numbers where the document's differ (spec/dialects.md
 * §1, §2). The document-dialect counterparts are asserted in the other user route tests.
 */
@ImfluxTest
@OpenImDialect
class UserOpenImDialectTest {

  @LocalServerPort
  int port;

  @Autowired
  Presence presence;

  ApiClient client;

  @BeforeEach
  void client() {
    client = new ApiClient(port);
  }

  @Test
  void successHasAnEmptyErrMsg() {
    String id = ApiClient.uniqueId("oi");
    assertThat(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", id, "nickname", "n")))).text())
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
  }

  @Test
  void aMissingUserIsRecordNotFound1004() {
    String ghost = ApiClient.uniqueId("ghost");
    var result = client.post("/user/update_user_info_ex", client.adminToken(),
        Map.of("userInfo", Map.of("userID", ghost, "nickname", "x")));
    assertError(result, 1004, ghost);
    assertThat(result.json().get("errMsg").asString()).isEqualTo("RecordNotFoundError");
    assertError(client.post("/user/set_global_msg_recv_opt", client.adminToken(),
        Map.of("userID", ghost, "globalRecvMsgOpt", 1)), 1004, "");
    assertError(client.post("/user/subscribe_users_status", client.adminToken(),
        Map.of("userID", ghost, "userIDs", List.of("a"), "genre", 1)), 1004, "");
  }

  @Test
  void duplicateRegistrationIs1102InBothDialects() {
    assertError(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", ApiClient.ADMIN_ID, "nickname", "n")))), 1102, "");
  }

  @Test
  void platformIDsAreTheReferences() {
    String id = ApiClient.uniqueId("oi");
    client.register(id);
    presence.register(new Connection(id, Platform.LINUX, "c1", "t1", false)).block();
    presence.register(new Connection(id, Platform.IPAD, "c2", "t2", false)).block();
    try {
      var status = client.ok("/user/get_users_status", client.adminToken(), Map.of("userIDs", List.of(id)));
      assertThat(status.get("statusList").get(0).get("platformIDs").toString()).isEqualTo("[7,9]");
      var detail = client.ok("/user/get_users_online_status", client.adminToken(), Map.of("userIDs", List.of(id)));
      assertThat(detail.get(0).get("detailPlatformStatus").values().stream()
          .map(connection -> connection.get("platformID").asInt())).containsExactlyInAnyOrder(7, 9);
    } finally {
      presence.unregister(id, "c1").block();
      presence.unregister(id, "c2").block();
    }
  }
}
