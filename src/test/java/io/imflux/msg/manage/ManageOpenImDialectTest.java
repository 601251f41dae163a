package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import io.imflux.testing.OpenImDialect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Where the reference's numbers differ (spec/dialects.md §1, §3): errMsg, an unknown user, content types. */
@OpenImDialect
class ManageOpenImDialectTest extends ManageRouteTest {

  @Test
  void successHasAnEmptyErrMsg() {
    String[] u = users("oim_ok", 2);
    long seq = send(u[0], u[1]);

    ApiClient.Result result = api.post(REVOKE, token(u[0]),
        Map.of("conversationID", ConversationIds.single(u[0], u[1]), "seq", seq, "userID", u[0]));
    assertThat(result.text()).isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
  }

  @Test
  void anUnknownRevokerIsTheGenericNotFound() {
    ApiClient.Result result = api.post(REVOKE, api.adminToken(),
        Map.of("conversationID", "si_a_b", "seq", 1, "userID", ApiClient.uniqueId("oim_nobody")));
    assertError(result, 1004, "user not found");
    assertThat(result.json().get("errMsg").asString()).isEqualTo("RecordNotFoundError");
  }

  @Test
  void contentTypesAreShownAndFilteredAsStored() {
    String[] u = users("oim_types", 2);
    send(text(u[0]).setRecvID(u[1]).setSessionType(ConversationIds.SINGLE_CHAT)
        .setContentType(114).setContent(ByteString.copyFrom("{\"text\":\"q\"}", StandardCharsets.UTF_8)));
    send(text(u[0]).setRecvID(u[1]).setSessionType(ConversationIds.SINGLE_CHAT)
        .setContentType(2001));

    JsonNode all = data(api.post(SEARCH, api.adminToken(), search(Map.of("sendID", u[0]), 1, 10)));
    List<Integer> shown = all.get("chatLogs").values().stream()
        .map(log -> log.get("chatLog").get("contentType").asInt()).toList();
    assertThat(shown).containsExactly(114, 2001);
    for (int contentType : List.of(114, 112, 2001)) {
      assertThat(data(api.post(SEARCH, api.adminToken(),
          search(Map.of("sendID", u[0], "contentType", contentType), 1, 10))).get("chatLogsNum").asInt())
          .isEqualTo(1);
    }
    assertThat(data(api.post(SEARCH, api.adminToken(),
        search(Map.of("sendID", u[0], "contentType", 1400), 1, 10))).get("chatLogsNum").asInt()).isZero();
  }
}
