package io.imflux.conversation;

import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.texts;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.group.MongoGroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationBus;
import io.imflux.testing.ApiClient;
import io.imflux.testing.HandWrittenGroups;
import io.imflux.testing.ImfluxTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.Disposable;
import reactor.core.Disposables;
import tools.jackson.databind.JsonNode;

/**
 * The real server and what the conversation tests need around its routes: users with tokens, messages sent over
 * {@code /msg/send_msg} as the admin, reads over {@code /msg/mark_conversation_as_read}, hand-written groups, and
 * notifications caught on the bus. Also the base of the {@code /jssdk/*} tests, which list the same conversations.
 */
@ImfluxTest
public abstract class ConversationRouteTest {

  protected static final Duration WAIT = Duration.ofSeconds(15);
  protected static final String SORTED = "/conversation/get_sorted_conversation_list";
  protected static final String ALL = "/conversation/get_all_conversations";
  protected static final String ONE = "/conversation/get_conversation";
  protected static final String MANY = "/conversation/get_conversations";
  protected static final String SET = "/conversation/set_conversations";
  protected static final String FULL_IDS = "/conversation/get_full_conversation_ids";
  protected static final String INCREMENTAL = "/conversation/get_incremental_conversations";
  protected static final String OWNER = "/conversation/get_owner_conversation";
  protected static final String NOT_NOTIFY = "/conversation/get_not_notify_conversation_ids";
  protected static final String PINNED = "/conversation/get_pinned_conversation_ids";
  protected static final String DELETE = "/conversation/delete_conversations";
  protected static final String UPDATE_BY_USER = "/conversation/update_conversations_by_user";
  protected static final String SEND = "/msg/send_msg";
  protected static final String MARK_READ = "/msg/mark_conversation_as_read";
  protected static final String NEWEST_SEQ = "/msg/newest_seq";
  /** Android: the same number in both dialects. */
  protected static final int PLATFORM = 2;
  /** latestMsgDestructTime of a record whose messages were never destructed. */
  protected static final long NEVER = -62135596800000L;
  /** The keys of a Conversation, in .proto order (spec/api-conversation.md §3.1). */
  protected static final List<String> CONVERSATION_KEYS = List.of("ownerUserID", "conversationID", "recvMsgOpt",
      "conversationType", "userID", "groupID", "isPinned", "attachedInfo", "isPrivateChat", "groupAtType", "ex",
      "burnDuration", "minSeq", "maxSeq", "msgDestructTime", "latestMsgDestructTime", "isMsgDestruct");

  @LocalServerPort
  protected int port;
  @Autowired
  protected NotificationBus bus;
  @Autowired
  protected MongoDatabase database;
  @Autowired
  protected MongoGroupDirectory directory;

  protected ApiClient api;
  private final Map<String, String> tokens = new HashMap<>();
  private final Disposable.Composite subscriptions = Disposables.composite();

  @BeforeEach
  protected void connect() {
    api = new ApiClient(port);
  }

  /** New registered users (nickname = ID) whose IDs start with {@code prefix}. */
  protected List<String> users(String prefix, int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(ApiClient.uniqueId(prefix));
    }
    api.register(ids.toArray(String[]::new));
    return ids;
  }

  protected String token(String userID) {
    return tokens.computeIfAbsent(userID, id -> api.userToken(id, PLATFORM));
  }

  /** A text from {@code from} to {@code to} over /msg/send_msg; answers the reply's data. */
  protected JsonNode send(String from, String to) {
    return send(from, to, 0);
  }

  /** As {@link #send(String, String)}, with the given send time (0 = now). */
  protected JsonNode send(String from, String to, long sendTime) {
    return data(trySend(from, to, sendTime));
  }

  /** As {@link #send(String, String, long)}, answering the raw result, which may be an error. */
  protected ApiClient.Result trySend(String from, String to, long sendTime) {
    return api.post(SEND, api.adminToken(), Map.of("sendID", from, "recvID", to, "sessionType", 1,
        "contentType", 101, "content", Map.of("content", "hi " + to), "sendTime", sendTime));
  }

  /** A quote reply (content type 114, which the document dialect shows as 112) from {@code from} to {@code to}. */
  protected JsonNode sendQuote(String from, String to) {
    return api.ok(SEND, api.adminToken(), Map.of("sendID", from, "recvID", to, "sessionType", 1,
        "contentType", 114, "content", Map.of("text", "re")));
  }

  protected JsonNode sendToGroup(String from, String groupID) {
    return api.ok(SEND, api.adminToken(), Map.of("sendID", from, "groupID", groupID, "sessionType", 3,
        "contentType", 101, "content", Map.of("content", "hi all")));
  }

  protected void markRead(String userID, String conversationID, long hasReadSeq) {
    api.ok(MARK_READ, token(userID), Map.of("userID", userID, "conversationID", conversationID,
        "hasReadSeq", hasReadSeq));
  }

  /** set_conversations by {@code token} for {@code owners}; answers the raw result. */
  protected ApiClient.Result set(String token, List<String> owners, Map<String, Object> conversation) {
    return api.post(SET, token, Map.of("userIDs", owners, "conversation", conversation));
  }

  /** set_conversations by the owner for themselves, which must succeed. */
  protected void set(String owner, Map<String, Object> conversation) {
    api.ok(SET, token(owner), Map.of("userIDs", List.of(owner), "conversation", conversation));
  }

  /** The single-chat request part of set_conversations for the owner's chat with {@code peer}. */
  protected static Map<String, Object> single(String owner, String peer, Map<String, Object> fields) {
    Map<String, Object> conversation = new HashMap<>(fields);
    conversation.put("conversationID", ConversationIds.single(owner, peer));
    conversation.put("conversationType", 1);
    conversation.put("userID", peer);
    return conversation;
  }

  /** The owner's record, which must exist. */
  protected JsonNode record(String owner, String conversationID) {
    return api.ok(ONE, token(owner), Map.of("ownerUserID", owner, "conversationID", conversationID))
        .get("conversation");
  }

  /** The owner's conversation IDs in get_full_conversation_ids order. */
  protected List<String> conversationIDs(String owner) {
    return texts(api.ok(FULL_IDS, token(owner), Map.of("userID", owner)).get("conversationIDs"));
  }

  protected HandWrittenGroups groups() {
    return new HandWrittenGroups(database, directory);
  }

  /**
   * Every notification matching {@code filter} from now on until the test ends. Routes emit their notifications before
   * they answer, so after a request returns its notifications are here.
   */
  protected List<Notification> collect(Predicate<Notification> filter) {
    List<Notification> seen = new CopyOnWriteArrayList<>();
    subscriptions.add(bus.events().filter(filter).subscribe(seen::add));
    return seen;
  }

  @AfterEach
  protected void stopCollecting() {
    subscriptions.dispose();
  }

  /** The next {@code count} notifications matching {@code filter}; subscribe before the request. */
  protected CompletableFuture<List<Notification>> expect(Predicate<Notification> filter, int count) {
    return bus.events().filter(filter).take(count).timeout(WAIT).collectList().toFuture();
  }

  protected static Predicate<Notification> of(int contentType, String recvID) {
    return n -> n.contentType() == contentType && n.recvID().equals(recvID);
  }

  protected static <T> T received(CompletableFuture<T> future) {
    try {
      return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("not received", e);
    }
  }

  protected static List<String> ids(JsonNode conversations) {
    return conversations.values().stream().map(c -> c.get("conversationID").asString()).toList();
  }

  /** Waits until an effect of background work is visible. */
  protected static void eventually(BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within " + WAIT);
      }
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
