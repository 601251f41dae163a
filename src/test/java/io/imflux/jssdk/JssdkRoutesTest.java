package io.imflux.jssdk;

import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.conversation.ConversationRouteTest;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.jssdk.ConversationMsg;
import io.imflux.proto.jssdk.GetActiveConversationsReq;
import io.imflux.proto.jssdk.GetActiveConversationsResp;
import io.imflux.proto.jssdk.GetConversationsReq;
import io.imflux.proto.jssdk.GetConversationsResp;
import io.imflux.testing.ApiClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code /jssdk/get_conversations} and {@code /jssdk/get_active_conversations} (spec/api-third-misc.md routes 20-21,
 * spec/api-conversation.md Appendix A), in JSON and in the protobuf mode.
 */
class JssdkRoutesTest extends ConversationRouteTest {

  private static final String CONVERSATIONS = "/jssdk/get_conversations";
  private static final String ACTIVE = "/jssdk/get_active_conversations";
  private static final List<String> CONVERSATION_MSG_KEYS =
      List.of("conversation", "lastMsg", "user", "friend", "group", "maxSeq", "readSeq");

  private String owner;
  private String friend;
  private String stranger;
  private String groupID;
  private String withFriend;
  private String withStranger;
  private String inGroup;
  private String withoutMessages;

  /**
   * The owner has: a friend who sent two texts after the import's 1201 chat copy (read up to 2 of 3), a stranger
   * who sent one (pinned), a group where a member sent one, and a record without messages.
   */
  @BeforeEach
  void conversations() {
    List<String> u = users("jssdk", 5);
    owner = u.get(0);
    friend = u.get(1);
    stranger = u.get(2);
    withFriend = ConversationIds.single(owner, friend);
    withStranger = ConversationIds.single(owner, stranger);
    api.ok("/friend/import_friend", api.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", List.of(friend)));
    eventually(() -> maxSeq(withFriend) == 1);
    send(friend, owner);
    send(friend, owner);
    markRead(owner, withFriend, 2);
    send(stranger, owner);
    set(owner, single(owner, stranger, Map.of("isPinned", true)));
    groupID = groups().create(u.get(3), Map.of(owner, GroupDirectory.ROLE_ORDINARY));
    inGroup = ConversationIds.group(groupID);
    sendToGroup(u.get(3), groupID);
    set(owner, single(owner, u.get(4), Map.of("ex", "quiet")));
    withoutMessages = ConversationIds.single(owner, u.get(4));
  }

  @Test
  void getConversationsAnswersTheCallersListedConversationsThatHaveMessages() {
    JsonNode data = api.ok(CONVERSATIONS, token(owner), Map.of("ownerUserID", stranger,
        "conversationIDs", List.of(withFriend, withStranger, inGroup, withoutMessages, "si_not_" + owner)));

    assertThat(keys(data)).containsExactly("unreadCount", "conversations");
    assertThat(data.get("unreadCount").asLong()).isEqualTo(3);
    JsonNode list = data.get("conversations");
    assertThat(list.values().stream().map(c -> c.get("conversation").get("conversationID").asString()).toList())
        .containsExactly(withFriend, withStranger, inGroup);

    JsonNode first = list.get(0);
    assertThat(keys(first)).containsExactlyElementsOf(CONVERSATION_MSG_KEYS);
    assertThat(first.get("conversation").get("ownerUserID").asString()).isEqualTo(owner);
    assertThat(first.get("maxSeq").asLong()).isEqualTo(3);
    assertThat(first.get("readSeq").asLong()).isEqualTo(2);
    assertThat(first.get("lastMsg").get("seq").asLong()).isEqualTo(3);
    assertThat(new String(Base64.getDecoder().decode(first.get("lastMsg").get("content").asString()),
        StandardCharsets.UTF_8)).isEqualTo("{\"content\":\"hi " + owner + "\"}");
    assertThat(first.get("user").get("userID").asString()).isEqualTo(friend);
    assertThat(keys(first.get("friend"))).containsExactly("ownerUserID", "friendUserID", "remark", "createTime",
        "addSource", "operatorUserID", "ex", "isPinned");
    assertThat(first.get("friend").get("friendUserID").asString()).isEqualTo(friend);
    assertThat(first.get("friend").get("createTime").asLong()).isGreaterThan(1_000_000_000_000L);
    assertThat(first.get("group").isNull()).isTrue();

    JsonNode second = list.get(1);
    assertThat(second.get("user").get("nickname").asString()).isEqualTo(stranger);
    assertThat(second.get("friend").isNull()).isTrue();
    JsonNode third = list.get(2);
    assertThat(third.get("user").isNull()).isTrue();
    assertThat(third.get("group").get("groupID").asString()).isEqualTo(groupID);
    assertThat(third.get("group").get("memberCount").asInt()).isEqualTo(2);

    JsonNode none = api.ok(CONVERSATIONS, token(owner), Map.of("conversationIDs", List.of()));
    assertThat(none.get("unreadCount").asLong()).isZero();
    assertThat(none.get("conversations").toString()).isEqualTo("[]");
  }

  @Test
  void getActiveConversationsListsPinnedFirstThenNewestAndCountsAllUnread() {
    JsonNode all = api.ok(ACTIVE, token(owner), Map.of("ownerUserID", friend));
    assertThat(all.get("unreadCount").asLong()).isEqualTo(3);
    assertThat(active(all)).containsExactly(withStranger, inGroup, withFriend);

    JsonNode one = api.ok(ACTIVE, token(owner), Map.of("count", 1));
    assertThat(active(one)).containsExactly(withStranger);
    assertThat(one.get("unreadCount").asLong()).isEqualTo(3);
    assertThat(active(api.ok(ACTIVE, token(owner), Map.of("count", 501)))).hasSize(3);
    assertThat(active(api.ok(ACTIVE, token(friend), Map.of("count", -1)))).containsExactly(withFriend);
  }

  @Test
  void aQuoteAsLastMessageHasTheDocumentsNumber() {
    sendQuote(stranger, owner);

    JsonNode last = api.ok(CONVERSATIONS, token(owner), Map.of("conversationIDs", List.of(withStranger)))
        .get("conversations").get(0).get("lastMsg");

    assertThat(last.get("contentType").asInt()).isEqualTo(112);
  }

  @Test
  void theProtobufModeReadsBinaryRequestsAndAnswersBase64Bytes() throws Exception {
    ApiClient.Result active = protobuf(ACTIVE, "application/x-protobuf",
        GetActiveConversationsReq.newBuilder().setCount(2).build().toByteArray());
    assertThat(active.errCode()).as(active.text()).isZero();
    GetActiveConversationsResp resp = GetActiveConversationsResp.parseFrom(
        Base64.getDecoder().decode(active.data().asString()));
    assertThat(resp.getUnreadCount()).isEqualTo(3);
    assertThat(resp.getConversationsList()).extracting(c -> c.getConversation().getConversationID())
        .containsExactly(withStranger, inGroup);

    ApiClient.Result listed = protobuf(CONVERSATIONS, "application/protobuf",
        GetConversationsReq.newBuilder().addConversationIDs(withFriend).build().toByteArray());
    ConversationMsg only = GetConversationsResp.parseFrom(Base64.getDecoder().decode(listed.data().asString()))
        .getConversations(0);
    assertThat(only.getFriend().getFriendUserID()).isEqualTo(friend);
    assertThat(only.getLastMsg().getContent().toStringUtf8()).isEqualTo("{\"content\":\"hi " + owner + "\"}");

    assertError(protobuf(ACTIVE, "application/x-protobuf", new byte[] {(byte) 0xff}), 1001, "protobuf");
  }

  @Test
  void jsonIsAlsoTakenWithACharsetAndOtherContentTypesAre1001() {
    ApiClient.Result json = api.send("POST", ACTIVE, Map.of("operationID", UUID.randomUUID().toString(),
        "token", token(owner), "Content-Type", "application/json; charset=utf-8"), "{\"count\":1}");
    assertThat(active(json.data())).containsExactly(withStranger);

    assertError(api.send("POST", ACTIVE, Map.of("operationID", UUID.randomUUID().toString(),
        "token", token(owner), "Content-Type", "text/plain"), "{}"), 1001, "unsupported content type");
  }

  private ApiClient.Result protobuf(String path, String contentType, byte[] body) {
    return api.sendBytes("POST", path, Map.of("operationID", UUID.randomUUID().toString(), "token", token(owner),
        "Content-Type", contentType), body);
  }

  private static List<String> active(JsonNode data) {
    return data.get("conversations").values().stream()
        .map(c -> c.get("conversation").get("conversationID").asString()).toList();
  }

  private long maxSeq(String conversationID) {
    return api.ok("/msg/get_conversations_has_read_and_max_seq", token(owner), Map.of("userID", owner,
        "conversationIDs", List.of(conversationID))).path("seqs").path(conversationID).path("maxSeq").asLong();
  }
}
