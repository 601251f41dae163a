package io.imflux.msg.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageSender;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.testing.ApiClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the seq, pull and read-route tests share: the paths, users with tokens, messages sent through the real send
 * path ({@link MessageSender}, as the WebSocket and HTTP sends use it), range pulls over HTTP and envelope checks.
 * The gateway's tests build their messages and wait for effects with it too.
 */
public final class ReadFixture {

  static final String NEWEST_SEQ = "/msg/newest_seq";
  static final String PULL = "/msg/pull_msg_by_seq";
  static final String HAS_READ_AND_MAX_SEQ = "/msg/get_conversations_has_read_and_max_seq";
  static final String MARK_MSGS = "/msg/mark_msgs_as_read";
  static final String MARK_CONVERSATION = "/msg/mark_conversation_as_read";
  static final String SET_HAS_READ_SEQ = "/msg/set_conversation_has_read_seq";
  static final int TEXT = 101;
  static final int QUOTE = 114;
  static final int HAS_READ_RECEIPT = 2200;
  static final Duration WAIT = Duration.ofSeconds(15);
  /** Android: the same number in both dialects. */
  static final int ANDROID_PLATFORM_ID = 2;

  final ApiClient api;
  private final MessageSender sender;
  private final Map<String, String> tokens = new HashMap<>();

  ReadFixture(int port, MessageSender sender) {
    this.api = new ApiClient(port);
    this.sender = sender;
  }

  /** New registered users whose IDs start with {@code prefix}. */
  List<String> users(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(ApiClient.uniqueId(prefix));
    }
    api.register(ids.toArray(String[]::new));
    return ids;
  }

  String token(String userID) {
    return tokens.computeIfAbsent(userID, id -> api.userToken(id, ANDROID_PLATFORM_ID));
  }

  /** Sends {@code count} texts; returns once all are stored (seqs follow in sending order). */
  void texts(String from, String to, int count) {
    for (int i = 0; i < count; i++) {
      send(message(from, to, ConversationIds.SINGLE_CHAT, TEXT, "{\"content\":\"hi " + i + "\"}"));
    }
  }

  void send(MsgData message) {
    sender.send(new Operator(message.getSendID(), Platform.ANDROID, false), message).block(WAIT);
  }

  /** A client message; {@code to} is the receiver, or the group for session type 3. */
  public static MsgData message(String from, String to, int sessionType, int contentType, String content) {
    MsgData.Builder msg = MsgData.newBuilder()
        .setSendID(from)
        .setSessionType(sessionType)
        .setClientMsgID(UUID.randomUUID().toString().replace("-", ""))
        .setMsgFrom(100)
        .setContentType(contentType)
        .setContent(ByteString.copyFrom(content, StandardCharsets.UTF_8))
        .setCreateTime(System.currentTimeMillis());
    return sessionType == ConversationIds.GROUP_CHAT ? msg.setGroupID(to).build() : msg.setRecvID(to).build();
  }

  /** The {@code data} of a successful range pull of one conversation. */
  JsonNode pull(String userID, String conversationID, long begin, long end, long num, int order) {
    return api.ok(PULL, token(userID), Map.of("userID", userID, "order", order,
        "seqRanges", List.of(Map.of("conversationID", conversationID, "begin", begin, "end", end, "num", num))));
  }

  /** The pulled messages of one conversation of a pull's {@code data}, null when it was left out. */
  static @Nullable JsonNode pulled(JsonNode data, String conversationID) {
    String map = ConversationIds.isNotification(conversationID) ? "notificationMsgs" : "msgs";
    JsonNode conversations = data.get(map);
    return conversations == null ? null : conversations.get(conversationID);
  }

  static List<Long> seqs(JsonNode pullMsgs) {
    return pullMsgs.get("Msgs").values().stream().map(msg -> msg.get("seq").asLong()).toList();
  }

  /** The message with a seq from a conversation's pulled messages. */
  static JsonNode bySeq(JsonNode pullMsgs, long seq) {
    return pullMsgs.get("Msgs").values().stream().filter(msg -> msg.get("seq").asLong() == seq).findFirst()
        .orElseThrow(() -> new AssertionError("seq " + seq + " not pulled: " + pullMsgs));
  }

  /** A message's {@code content} decoded from base64; "" when it is empty ({@code null} in JSON). */
  static String content(JsonNode msg) {
    JsonNode content = msg.get("content");
    return content.isNull() ? "" : new String(Base64.getDecoder().decode(content.asString()), StandardCharsets.UTF_8);
  }

  static JsonNode json(String text) {
    return ApiClient.JSON.readTree(text);
  }

  /** The tips inside a notification's content {@code {"detail":"<tips JSON>"}}. */
  static JsonNode tips(MsgData notification) {
    return json(json(notification.getContent().toStringUtf8()).get("detail").asString());
  }

  /** Waits until an effect of an asynchronous notification is visible. */
  public static void eventually(BooleanSupplier condition) {
    eventually(WAIT, condition);
  }

  /** As {@link #eventually(BooleanSupplier)}, for effects that follow a configured delay: {@code wait} covers it. */
  public static void eventually(Duration wait, BooleanSupplier condition) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + wait);
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }

  static void assertFails(ApiClient.Result result, int errCode, String errDltPart) {
    assertThat(result.status()).as(result.text()).isEqualTo(200);
    assertThat(result.errCode()).as(result.text()).isEqualTo(errCode);
    assertThat(result.json().get("errDlt").asString()).as(result.text()).contains(errDltPart);
    assertThat(result.json().has("data")).as(result.text()).isFalse();
  }
}
