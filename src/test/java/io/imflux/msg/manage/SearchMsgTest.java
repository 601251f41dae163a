package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /msg/search_msg} (spec/api-msg.md §6, our decision Q2) in the document dialect. */
class SearchMsgTest extends ManageRouteTest {

  /** Users with nicknames that differ from their IDs, so filled-in nicknames are visible. */
  private String[] nicknamed(String prefix, int count) {
    String[] ids = new String[count];
    List<Map<String, String>> users = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids[i] = ApiClient.uniqueId(prefix);
      users.add(Map.of("userID", ids[i], "nickname", "Nick " + ids[i]));
    }
    api.ok("/user/user_register", api.adminToken(), Map.of("users", users));
    return ids;
  }

  @Test
  void onlyAppAdminsSearch() {
    String[] u = users("se_perm", 1);
    assertError(api.post(SEARCH, token(u[0]), search(Map.of("sendID", u[0]), 1, 10)), 1002, "not admin");
  }

  @Test
  void aSendTimeMustBeADay() {
    for (String bad : List.of("2024-1-05", "20240105", "yesterday", "2024-02-30", "2024-01-05 10:00")) {
      assertError(api.post(SEARCH, api.adminToken(), search(Map.of("sendTime", bad), 1, 10)), 1001,
          "invalid sendTime");
    }
  }

  @Test
  void singleChatMessagesComeOldestFirstWithNicknamesAndAnExactTotal() {
    String[] u = nicknamed("se_single", 2);
    long first = send(u[0], u[1]);
    send(u[0], u[1]);
    long last = send(text(u[0]).setRecvID(u[1]).setSessionType(ConversationIds.SINGLE_CHAT)
        .setSenderNickname("Custom"));
    send(u[1], u[0]);
    String conversationID = ConversationIds.single(u[0], u[1]);
    var noticeStored = pushes.pushes().filter(push -> push.msg().getContentType() == 2101
        && push.msg().getSendID().equals(u[0])).next().timeout(WAIT).toFuture();
    api.ok(REVOKE, api.adminToken(),
        Map.of("conversationID", conversationID, "seq", first, "userID", u[0]));
    // The revoke notice from u[0] is stored in the n_ conversation, which search does not look at.
    assertThat(noticeStored.join().msg().getSeq()).isPositive();

    JsonNode page1 = data(api.post(SEARCH, api.adminToken(), search(Map.of("sendID", u[0]), 1, 2)));
    assertThat(page1.get("chatLogsNum").asInt()).isEqualTo(3);
    assertThat(page1.get("chatLogs").size()).isEqualTo(2);
    JsonNode log = page1.get("chatLogs").get(0).get("chatLog");
    assertThat(page1.get("chatLogs").get(0).get("isRevoked").asBoolean()).isTrue();
    assertThat(page1.get("chatLogs").get(1).get("isRevoked").asBoolean()).isFalse();
    assertThat(log.get("seq").asLong()).isEqualTo(first);
    assertThat(log.get("content").asString()).isEqualTo("{\"content\":\"hi\"}");
    assertThat(log.get("contentType").asInt()).isEqualTo(101);
    assertThat(log.get("sessionType").asInt()).isEqualTo(1);
    assertThat(log.get("sendID").asString()).isEqualTo(u[0]);
    assertThat(log.get("recvID").asString()).isEqualTo(u[1]);
    assertThat(log.get("senderNickname").asString()).isEqualTo("Nick " + u[0]);
    assertThat(log.get("recvNickname").asString()).isEqualTo("Nick " + u[1]);
    assertThat(log.get("status").asInt()).isEqualTo(2);
    assertThat(log.get("groupMemberCount").asInt()).isZero();

    JsonNode page2 = data(api.post(SEARCH, api.adminToken(), search(Map.of("sendID", u[0]), 2, 2)));
    assertThat(page2.get("chatLogsNum").asInt()).isEqualTo(3);
    JsonNode lastLog = page2.get("chatLogs").get(0).get("chatLog");
    assertThat(lastLog.get("seq").asLong()).isEqualTo(last);
    assertThat(lastLog.get("senderNickname").asString()).isEqualTo("Custom");

    // Without pagination nothing is listed, and the total is still counted.
    JsonNode unpaged = data(api.post(SEARCH, api.adminToken(), Map.of("sendID", u[0])));
    assertThat(unpaged.get("chatLogsNum").asInt()).isEqualTo(3);
    assertThat(unpaged.get("chatLogs").size()).isZero();
    // recvID matches the receiver; every filter narrows.
    assertThat(total(Map.of("recvID", u[1]))).isEqualTo(3);
    assertThat(total(Map.of("recvID", u[0]))).isEqualTo(1);
    assertThat(total(Map.of("sendID", u[0], "contentType", 102))).isZero();
    assertThat(total(Map.of("sendID", u[0], "sessionType", 3))).isZero();
  }

  @Test
  void theDayFilterIsAUtcDay() {
    String[] u = users("se_day", 2);
    long sendTime = ack(text(u[0]).setRecvID(u[1]).setSessionType(ConversationIds.SINGLE_CHAT)
        .build()).getSendTime();
    var day = Instant.ofEpochMilli(sendTime).atOffset(ZoneOffset.UTC).toLocalDate();

    assertThat(total(Map.of("sendID", u[0], "sendTime", day.toString()))).isEqualTo(1);
    assertThat(total(Map.of("sendID", u[0], "sendTime", day.minusDays(1).toString()))).isZero();
    assertThat(total(Map.of("sendID", u[0], "sendTime", day.plusDays(1).toString()))).isZero();
  }

  @Test
  void groupMessagesCarryTheGroupsFields() {
    String[] u = nicknamed("se_grp", 3);
    String groupID = group(u[0], Map.of(u[1], GroupDirectory.ROLE_ORDINARY, u[2], GroupDirectory.ROLE_ADMIN));
    sendToGroup(u[1], groupID);

    JsonNode result = data(api.post(SEARCH, api.adminToken(), search(Map.of("recvID", groupID), 1, 10)));
    assertThat(result.get("chatLogsNum").asInt()).isEqualTo(1);
    JsonNode log = result.get("chatLogs").get(0).get("chatLog");
    assertThat(log.get("recvID").asString()).isEqualTo(groupID);
    assertThat(log.get("groupID").asString()).isEqualTo(groupID);
    assertThat(log.get("groupName").asString()).isEqualTo("name of " + groupID);
    assertThat(log.get("groupOwner").asString()).isEqualTo(u[0]);
    assertThat(log.get("groupType").asInt()).isEqualTo(2);
    assertThat(log.get("groupMemberCount").asInt()).isEqualTo(3);
    // The reference's quirk: the sender's face is the group's, and groupFaceURL stays empty.
    assertThat(log.get("senderFaceURL").asString()).isEqualTo("https://face/" + groupID);
    assertThat(log.get("groupFaceURL").asString()).isEmpty();
    assertThat(log.get("senderNickname").asString()).isEqualTo("Nick " + u[1]);
    assertThat(log.get("recvNickname").asString()).isEmpty();
    assertThat(log.get("sessionType").asInt()).isEqualTo(3);
    // Session type 2 is the document's group chat.
    assertThat(total(Map.of("recvID", groupID, "sessionType", 2))).isEqualTo(1);
    assertThat(total(Map.of("recvID", groupID, "sessionType", 1))).isZero();
  }

  @Test
  void contentTypesAreTheDocumentsNumbers() {
    String[] u = users("se_types", 2);
    send(text(u[0]).setRecvID(u[1]).setSessionType(ConversationIds.SINGLE_CHAT)
        .setContentType(114).setContent(ByteString.copyFrom("{\"text\":\"q\"}", StandardCharsets.UTF_8)));
    send(text(u[0]).setRecvID(u[1]).setSessionType(ConversationIds.SINGLE_CHAT)
        .setContentType(2001));

    JsonNode quotes = data(api.post(SEARCH, api.adminToken(), search(Map.of("sendID", u[0], "contentType", 112), 1,
        10)));
    assertThat(quotes.get("chatLogsNum").asInt()).isEqualTo(1);
    assertThat(quotes.get("chatLogs").get(0).get("chatLog").get("contentType").asInt()).isEqualTo(112);
    JsonNode business = data(api.post(SEARCH, api.adminToken(), search(Map.of("sendID", u[0], "contentType", 1400),
        1, 10)));
    assertThat(business.get("chatLogsNum").asInt()).isEqualTo(1);
    assertThat(business.get("chatLogs").get(0).get("chatLog").get("contentType").asInt()).isEqualTo(1400);
  }

  private int total(Map<String, Object> filters) {
    return data(api.post(SEARCH, api.adminToken(), search(filters, 1, 100))).get("chatLogsNum").asInt();
  }
}
