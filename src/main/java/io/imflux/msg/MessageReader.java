package io.imflux.msg;

import com.google.protobuf.ByteString;
import io.imflux.api.json.GoJsonWriter;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.cluster.SeqAllocator;
import io.imflux.proto.sdkws.MessageRevokedContent;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.NotificationElem;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads messages as one user sees them (spec/pipeline.md §7.3, §9.1): inside the user's visible window, one
 * {@code MsgData} per requested seq — the message, its revoked view, the user's deleted view, or a placeholder.
 * Content types are the server's own numbers; edges translate them for the dialect.
 */
@Component
public class MessageReader {

  public static final int STATUS_DELETED = 4;
  public static final int CONTENT_REVOKED = 2101;
  /** How far {@link #latest} steps back over messages the user deleted before it gives up. */
  static final int LATEST_LOOKUPS = 100;

  /** The seqs a user may see in a conversation: {@code lower..upper}, empty when upper < lower. */
  public record Window(long lower, long upper, long conversationMaxSeq) {

    public boolean contains(long seq) {
      return seq >= lower && seq <= upper;
    }
  }

  private final SeqAllocator seqs;
  private final MessageStore store;

  public MessageReader(SeqAllocator seqs, MessageStore store) {
    this.seqs = seqs;
    this.store = store;
  }

  /** lower = max(conversation min, user min, 1); upper = conversation max, capped by the user's max when set. */
  public Mono<Window> window(String userID, String conversationID) {
    return Mono.zip(seqs.conversation(conversationID), seqs.user(userID, conversationID)).map(both -> {
      long max = both.getT1().maxSeq();
      long lower = Math.max(1, Math.max(both.getT1().minSeq(), both.getT2().minSeq()));
      long cap = both.getT2().maxSeq();
      long upper = cap != 0 && cap < max ? cap : max;
      return new Window(lower, upper, max);
    });
  }

  /**
   * The newest message the user can see in the conversation, as they see it: inside their window and not deleted for
   * them; empty when there is none (or when more than {@link #LATEST_LOOKUPS} newer ones are all deleted for them).
   */
  public Mono<MsgData> latest(String userID, String conversationID) {
    return window(userID, conversationID).flatMap(window -> window.upper() < window.lower()
        ? Mono.empty()
        : latestNotDeletedFor(userID, conversationID, window, window.upper(), LATEST_LOOKUPS));
  }

  private Mono<MsgData> latestNotDeletedFor(String userID, String conversationID, Window window, long atMost,
      int lookups) {
    if (lookups == 0) {
      return Mono.empty();
    }
    return store.findLatest(conversationID, atMost)
        .filter(stored -> window.contains(stored.seq()))
        .flatMap(stored -> stored.deletedBy().contains(userID)
            ? latestNotDeletedFor(userID, conversationID, window, stored.seq() - 1, lookups - 1)
            : Mono.just(view(userID, stored)));
  }

  /** One message per requested seq, in the order requested (callers pass seqs inside the window). */
  public Flux<MsgData> read(String userID, String conversationID, List<Long> requested) {
    if (requested.isEmpty()) {
      return Flux.empty();
    }
    return store.find(conversationID, requested)
        .collectMap(StoredMessage::seq)
        .flatMapMany(found -> placeholdersTimes(conversationID, requested, found).flatMapMany(times -> {
          List<MsgData> result = new ArrayList<>(requested.size());
          for (long seq : requested) {
            StoredMessage stored = found.get(seq);
            result.add(stored == null
                ? MsgData.newBuilder().setSeq(seq).setStatus(STATUS_DELETED).setSendTime(times.getOrDefault(seq, 0L)).build()
                : view(userID, stored));
          }
          return Flux.fromIterable(result);
        }));
  }

  /** The view of one stored slot for one user. */
  public static MsgData view(String userID, StoredMessage stored) {
    MsgData msg = stored.msg();
    if (stored.deletedBy().contains(userID)) {
      return msg.toBuilder().setContent(ByteString.EMPTY).setStatus(STATUS_DELETED).build();
    }
    MsgData.Builder view = msg.toBuilder();
    if (msg.getSessionType() == ConversationIds.SINGLE_CHAT) {
      view.setIsRead(stored.isRead());
    }
    if (stored.revocation() != null) {
      MessageStore.Revocation revoke = stored.revocation();
      MessageRevokedContent revoked = MessageRevokedContent.newBuilder()
          .setRevokerID(revoke.userID())
          .setRevokerRole(revoke.role())
          .setClientMsgID(msg.getClientMsgID())
          .setRevokerNickname(revoke.nickname())
          .setRevokeTime(revoke.time())
          .setSourceMessageSendTime(msg.getSendTime())
          .setSourceMessageSendID(msg.getSendID())
          .setSourceMessageSenderNickname(msg.getSenderNickname())
          .setSessionType(msg.getSessionType())
          .setSeq(msg.getSeq())
          .setEx(msg.getEx())
          .build();
      String content = GoJsonWriter.write(NotificationElem.newBuilder().setDetail(GoJsonWriter.write(revoked)).build());
      view.setContentType(CONTENT_REVOKED).setContent(ByteString.copyFrom(content, StandardCharsets.UTF_8));
    }
    return view.build();
  }

  /** For each missing seq, the send time of the nearest earlier stored message (pipeline.md §9.1). */
  private Mono<Map<Long, Long>> placeholdersTimes(String conversationID, List<Long> requested,
      Map<Long, StoredMessage> found) {
    List<Long> missing = requested.stream().filter(seq -> !found.containsKey(seq)).toList();
    if (missing.isEmpty()) {
      return Mono.just(Map.of());
    }
    return Flux.fromIterable(missing)
        .concatMap(seq -> store.findLatest(conversationID, seq - 1)
            .map(earlier -> Map.entry(seq, earlier.msg().getSendTime()))
            .defaultIfEmpty(Map.entry(seq, 0L)))
        .collect(HashMap<Long, Long>::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()))
        .map(map -> map);
  }
}
