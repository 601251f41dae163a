package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import io.imflux.testing.OpenImDialect;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Where the reference's numbers differ (spec/dialects.md §1, §3): the success errMsg and shown content types. */
@OpenImDialect
class ConversationOpenImDialectTest extends ConversationRouteTest {

  @Test
  void successHasAnEmptyErrMsgAndErrorsTheReferencesNames() {
    List<String> u = users("oim_conv", 2);

    ApiClient.Result set = set(token(u.get(0)), List.of(u.get(0)), single(u.get(0), u.get(1), Map.of("ex", "x")));
    assertThat(set.text()).isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
    ApiClient.Result missing = api.post(ONE, token(u.get(1)), Map.of("ownerUserID", u.get(1),
        "conversationID", ConversationIds.single(u.get(0), u.get(1))));
    assertError(missing, 1004, "conversation not found");
    assertThat(missing.json().get("errMsg").asString()).isEqualTo("RecordNotFoundError");
  }

  @Test
  void aQuoteIsShownWithTheReferencesNumber() {
    List<String> u = users("oim_quote", 2);
    sendQuote(u.get(1), u.get(0));
    String conversationID = ConversationIds.single(u.get(0), u.get(1));

    JsonNode info = api.ok(SORTED, token(u.get(0)), Map.of("userID", u.get(0),
        "pagination", Map.of("pageNumber", 1, "showNumber", 1))).get("conversationElems").get(0).get("msgInfo");
    JsonNode last = api.ok("/jssdk/get_conversations", token(u.get(0)), Map.of("conversationIDs",
        List.of(conversationID))).get("conversations").get(0).get("lastMsg");

    assertThat(info.get("contentType").asInt()).isEqualTo(114);
    assertThat(last.get("contentType").asInt()).isEqualTo(114);
  }
}
