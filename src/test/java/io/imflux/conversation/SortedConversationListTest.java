package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /conversation/get_sorted_conversation_list} (spec/api-conversation.md §6.1): unread counts after sends and
 * reads, pinned first then newest, the latest message's details, paging and checks.
 */
class SortedConversationListTest extends ConversationRouteTest {

  private static final List<String> ELEM_KEYS =
      List.of("conversationID", "recvMsgOpt", "unreadCount", "IsPinned", "msgInfo");
  private static final List<String> MSG_INFO_KEYS = List.of("serverMsgID", "clientMsgID", "sessionType", "sendID",
      "recvID", "senderName", "faceURL", "groupID", "groupName", "groupFaceURL", "groupType", "groupMemberCount",
      "LatestMsgRecvTime", "msgFrom", "contentType", "content", "ex");

  @Test
  void unreadCountsFollowSendsAndReadsAndTheListIsPinnedFirstThenNewest() {
    List<String> u = users("sorted", 5);
    String owner = u.get(0);
    long base = System.currentTimeMillis() - 3_600_000;
    String read = ConversationIds.single(owner, u.get(1));
    String replied = ConversationIds.single(owner, u.get(2));
    String pinned = ConversationIds.single(owner, u.get(3));
    String empty = ConversationIds.single(owner, u.get(4));
    for (int i = 1; i <= 3; i++) {
      send(u.get(1), owner, base + i);
    }
    markRead(owner, read, 2);
    send(u.get(2), owner, base + 10);
    send(u.get(2), owner, base + 11);
    JsonNode reply = send(owner, u.get(2), base + 12);
    send(u.get(3), owner, base + 5);
    set(owner, single(owner, u.get(3), Map.of("isPinned", true, "recvMsgOpt", 2)));
    set(owner, single(owner, u.get(4), Map.of("ex", "no messages yet")));

    JsonNode list = sorted(owner, Map.of("pageNumber", 1, "showNumber", 10));

    assertThat(keys(list)).containsExactly("conversationTotal", "unreadTotal", "conversationElems");
    assertThat(list.get("conversationTotal").asLong()).isEqualTo(3);
    assertThat(list.get("unreadTotal").asLong()).isEqualTo(2);
    JsonNode elems = list.get("conversationElems");
    assertThat(ids(elems)).containsExactly(pinned, empty, replied, read);
    assertThat(elems.values().stream().map(e -> e.get("unreadCount").asLong()).toList()).containsExactly(1L, 0L, 0L,
        1L);
    assertThat(keys(elems.get(0))).containsExactlyElementsOf(ELEM_KEYS);
    assertThat(elems.get(0).get("IsPinned").asBoolean()).isTrue();
    assertThat(elems.get(0).get("recvMsgOpt").asInt()).isEqualTo(2);
    assertThat(elems.get(1).get("msgInfo").isNull()).isTrue();

    // The user sent the latest message: the list shows the other user.
    JsonNode info = elems.get(2).get("msgInfo");
    assertThat(keys(info)).containsExactlyElementsOf(MSG_INFO_KEYS);
    assertThat(info.get("sendID").asString()).isEqualTo(owner);
    assertThat(info.get("senderName").asString()).isEqualTo(u.get(2));
    assertThat(info.get("serverMsgID").asString()).isEqualTo(reply.get("serverMsgID").asString());
    assertThat(info.get("clientMsgID").asString()).isEqualTo(reply.get("clientMsgID").asString());
    assertThat(info.get("LatestMsgRecvTime").asLong()).isEqualTo(base + 12);
    assertThat(info.get("sessionType").asInt()).isEqualTo(1);
    assertThat(info.get("contentType").asInt()).isEqualTo(101);
    assertThat(info.get("msgFrom").asInt()).isEqualTo(200);
    assertThat(info.get("content").asString()).isEqualTo("{\"content\":\"hi " + u.get(2) + "\"}");
    // The other user sent it: the list shows the sender.
    assertThat(elems.get(3).get("msgInfo").get("senderName").asString()).isEqualTo(u.get(1));

    JsonNode second = sorted(owner, Map.of("pageNumber", 2, "showNumber", 3));
    assertThat(ids(second.get("conversationElems"))).containsExactly(read);
    assertThat(second.get("unreadTotal").asLong()).isEqualTo(2);
  }

  @Test
  void listedIDsNarrowTheListToTheUsersOwnConversations() {
    List<String> u = users("sorted_ids", 3);
    send(u.get(1), u.get(0));
    send(u.get(2), u.get(0));
    String first = ConversationIds.single(u.get(0), u.get(1));

    JsonNode list = api.ok(SORTED, token(u.get(0)), Map.of("userID", u.get(0),
        "conversationIDs", List.of(first, ConversationIds.single(u.get(1), u.get(2))),
        "pagination", Map.of("pageNumber", 1, "showNumber", 10)));

    // Our decision: another conversation's seqs are not the caller's to count (the reference sums every listed ID).
    assertThat(ids(list.get("conversationElems"))).containsExactly(first);
    assertThat(list.get("unreadTotal").asLong()).isEqualTo(1);
    assertThat(list.get("conversationTotal").asLong()).isEqualTo(1);
  }

  @Test
  void conversationsWithTheSameTimeAreAllListedOrderedByID() {
    List<String> u = users("sorted_tie", 3);
    long at = System.currentTimeMillis() - 60_000;
    send(u.get(1), u.get(0), at);
    send(u.get(2), u.get(0), at);

    JsonNode elems = sorted(u.get(0), Map.of("pageNumber", 1, "showNumber", 10)).get("conversationElems");

    List<String> expected = List.of(ConversationIds.single(u.get(0), u.get(1)),
        ConversationIds.single(u.get(0), u.get(2))).stream().sorted().toList();
    assertThat(ids(elems)).containsExactlyElementsOf(expected);
  }

  @Test
  void aGroupsLatestMessageShowsTheGroupAndTheSender() {
    List<String> u = users("sorted_group", 2);
    String groupID = groups().create(u.get(0), Map.of(u.get(1), GroupDirectory.ROLE_ORDINARY));
    sendToGroup(u.get(1), groupID);

    JsonNode elem = sorted(u.get(0), Map.of("pageNumber", 1, "showNumber", 10)).get("conversationElems").get(0);

    assertThat(elem.get("conversationID").asString()).isEqualTo(ConversationIds.group(groupID));
    assertThat(elem.get("unreadCount").asLong()).isEqualTo(1);
    JsonNode info = elem.get("msgInfo");
    assertThat(info.get("groupID").asString()).isEqualTo(groupID);
    assertThat(info.get("groupName").asString()).isEqualTo("name of " + groupID);
    assertThat(info.get("groupFaceURL").asString()).isEqualTo("https://face/" + groupID);
    assertThat(info.get("groupType").asInt()).isEqualTo(2);
    assertThat(info.get("groupMemberCount").asInt()).isEqualTo(2);
    assertThat(info.get("senderName").asString()).isEqualTo(u.get(1));
    assertThat(info.get("faceURL").asString()).isEmpty();
    assertThat(info.get("sessionType").asInt()).isEqualTo(3);
  }

  @Test
  void aQuoteIsShownWithTheDocumentsNumber() {
    List<String> u = users("sorted_quote", 2);
    sendQuote(u.get(1), u.get(0));

    JsonNode info = sorted(u.get(0), Map.of("pageNumber", 1, "showNumber", 1)).get("conversationElems").get(0)
        .get("msgInfo");

    assertThat(info.get("contentType").asInt()).isEqualTo(112);
  }

  @Test
  void theChecksComeFirstThenThePermissionAndAUserWithoutRecordsGets1004() {
    List<String> u = users("sorted_check", 2);
    String token = token(u.get(0));
    Map<String, Object> page = Map.of("pageNumber", 1, "showNumber", 10);

    assertError(api.post(SORTED, token, Map.of("pagination", page)), 1001, "userID is empty");
    assertError(api.post(SORTED, token, Map.of("userID", u.get(1))), 1001, "pagination is empty");
    assertError(api.post(SORTED, token, Map.of("userID", u.get(1), "pagination", Map.of("showNumber", 1))), 1001,
        "pageNumber is invalid");
    assertError(api.post(SORTED, token, Map.of("userID", u.get(1), "pagination", page)), 1002, u.get(1));
    assertError(api.post(SORTED, token, Map.of("userID", u.get(0), "pagination", page)), 1004, "");
    send(u.get(1), u.get(0));
    assertThat(api.ok(SORTED, api.adminToken(), Map.of("userID", u.get(0), "pagination", page))
        .get("conversationElems").size()).isEqualTo(1);
  }

  private JsonNode sorted(String owner, Map<String, Object> pagination) {
    return api.ok(SORTED, token(owner), Map.of("userID", owner, "pagination", pagination));
  }
}
