package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.SeqAllocator;
import io.imflux.cluster.memory.LocalPushRouter;
import io.imflux.conversation.ConversationStore;
import io.imflux.group.MongoGroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.msg.MessageSender;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationBus;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.testing.ApiClient;
import io.imflux.testing.HandWrittenGroups;
import io.imflux.testing.ImfluxTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The real server and what the management tests need around its routes: users, messages sent through the real send
 * path, groups written into the groups feature's collections by hand (MongoGroupDirectory's schema, and its cache
 * told) until that feature exists, and notifications caught on the bus.
 */
@ImfluxTest
abstract class ManageRouteTest {

  static final Duration WAIT = Duration.ofSeconds(10);
  static final String REVOKE = "/msg/revoke_msg";
  static final String DELETE = "/msg/delete_msgs";
  static final String CLEAR = "/msg/clear_conversation_msg";
  static final String CLEAR_ALL = "/msg/user_clear_all_msg";
  static final String ERASE_BY_SEQ = "/msg/delete_msg_phsical_by_seq";
  static final String ERASE_BY_AGE = "/msg/delete_msg_physical";
  static final String SEARCH = "/msg/search_msg";

  @LocalServerPort
  int port;
  @Autowired
  MessageSender sender;
  @Autowired
  SeqAllocator seqs;
  @Autowired
  MongoDatabase database;
  @Autowired
  NotificationBus bus;
  @Autowired
  MessageStore store;
  @Autowired
  MessageReader reader;
  @Autowired
  ConversationStore conversations;
  @Autowired
  LocalPushRouter pushes;
  @Autowired
  MongoGroupDirectory groups;

  ApiClient api;

  @BeforeEach
  void connect() {
    api = new ApiClient(port);
  }

  /** Registers fresh users (nickname = ID) and answers their IDs. */
  String[] users(String prefix, int count) {
    String[] ids = new String[count];
    for (int i = 0; i < count; i++) {
      ids[i] = ApiClient.uniqueId(prefix);
    }
    api.register(ids);
    return ids;
  }

  String token(String userID) {
    return api.userToken(userID, 2);
  }

  /** A text message sent by {@code from} to {@code to}, stored; answers its seq. */
  long send(String from, String to) {
    return send(text(from).setRecvID(to).setSessionType(ConversationIds.SINGLE_CHAT));
  }

  long sendToGroup(String from, String groupID) {
    return send(text(from).setGroupID(groupID).setSessionType(ConversationIds.GROUP_CHAT));
  }

  /** Sends a message whose session type and peer are set, waits until it is stored, answers its seq. */
  long send(MsgData.Builder message) {
    MsgData msg = message.build();
    ack(msg);
    return seqs.conversation(ConversationIds.chat(msg)).block(WAIT).maxSeq();
  }

  SendMsgResp ack(MsgData msg) {
    return sender.send(new Operator(msg.getSendID(), Platform.ANDROID, false), msg).block(WAIT);
  }

  static MsgData.Builder text(String from) {
    return MsgData.newBuilder()
        .setSendID(from)
        .setClientMsgID(UUID.randomUUID().toString().replace("-", ""))
        .setMsgFrom(100)
        .setContentType(101)
        .setContent(ByteString.copyFrom("{\"content\":\"hi\"}", StandardCharsets.UTF_8))
        .setCreateTime(System.currentTimeMillis());
  }

  /** A group with its members and their role levels (20 ordinary, 60 admin, 100 owner). */
  String group(String owner, Map<String, Integer> otherMembers) {
    return new HandWrittenGroups(database, groups).create(owner, otherMembers);
  }

  void leave(String groupID, String userID) {
    new HandWrittenGroups(database, groups).leave(groupID, userID);
  }

  /** The first notification matching {@code filter} emitted after this call; subscribe before the request. */
  CompletableFuture<Notification> next(Predicate<Notification> filter) {
    return bus.events().filter(filter).next().timeout(WAIT).toFuture();
  }

  static Predicate<Notification> of(int contentType, String recvID) {
    return n -> n.contentType() == contentType && n.recvID().equals(recvID);
  }

  /** A search body with one page. */
  static Map<String, Object> search(Map<String, Object> filters, int pageNumber, int showNumber) {
    Map<String, Object> body = new HashMap<>(filters);
    body.put("pagination", Map.of("pageNumber", pageNumber, "showNumber", showNumber));
    return body;
  }

  /** A request that must fail with this code and a detail containing {@code detailPart}; no {@code data}. */
  static void assertError(ApiClient.Result result, int errCode, String detailPart) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isEqualTo(errCode);
    assertThat(result.json().get("errDlt").asString()).as(result.text()).contains(detailPart);
    assertThat(result.json().has("data")).as(result.text()).isFalse();
  }

  /** A route whose response has no fields, in the document dialect. */
  static void assertEmptySuccess(ApiClient.Result result) {
    assertThat(result.status()).isEqualTo(200);
    assertThat(result.text()).isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}");
  }

  static JsonNode data(ApiClient.Result result) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isZero();
    return result.data();
  }
}
