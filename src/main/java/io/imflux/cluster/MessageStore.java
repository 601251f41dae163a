package io.imflux.cluster;

import io.imflux.proto.sdkws.MsgData;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Messages by conversation and seq (ARCHITECTURE §1): one record per stored message with the per-slot state of
 * spec/pipeline.md §8 (revoke record, per-user delete list, single-chat read flag). The embedded H2 adapter backs
 * standalone mode on the embedded store; the MongoDB adapter backs any real MongoDB. Both pass one contract suite.
 *
 * <p>The write side ({@link #append}, {@link #maxStoredSeq}, {@link #seqOfServerMsgID}) is called only by the
 * sequencer on its own threads and may block. Everything returning a publisher must not block its caller's thread:
 * adapters move blocking work to their own scheduler. What a call acknowledged (append returned, a change's publisher
 * completed) survives a crash of the process.
 */
public interface MessageStore {

  /** A revoke record: who revoked, with which role (group role level or appMangerLevel), their nickname, when (ms). */
  record Revocation(int role, String userID, String nickname, long time) {}

  /** One stored slot: the message as appended (the sequencer sets seq and status 2) and its per-slot state. */
  record StoredMessage(MsgData msg, @Nullable Revocation revocation, Set<String> deletedBy, boolean isRead) {

    public long seq() {
      return msg.getSeq();
    }
  }

  /**
   * What a search looks for (spec/api-msg.md §6); empty strings and zeros mean "any". {@code recvOrGroupID}
   * matches the message's recvID or groupID; send times are in [{@code sendTimeFrom}, {@code sendTimeTo}) ms.
   */
  record SearchQuery(String sendID, String recvOrGroupID, int contentType, int sessionType, long sendTimeFrom,
      long sendTimeTo) {}

  // ---- write side: the sequencer's threads only; blocking ----

  /**
   * Stores numbered messages of any number of conversations (conversation ID -> its messages), all or none, durably:
   * once it returns, the messages survive a crash of the process. Seqs are new (never stored before); a seq that is
   * stored already fails the whole call. One call per drained batch is what makes the store fast: one commit and one
   * journal write, whatever the number of conversations.
   */
  void appendAll(Map<String, List<MsgData>> messagesByConversation);

  /** {@link #appendAll} for one conversation. */
  default void append(String conversationID, List<MsgData> messages) {
    appendAll(Map.of(conversationID, messages));
  }

  /**
   * The highest seq ever stored in the conversation, 0 when none: where a counter resumes after a restart. Erasing
   * never lowers it (the conversation's highest slot stays as a body-less marker), so a seq is never handed out twice
   * (spec/pipeline.md §7.1).
   */
  long maxStoredSeq(String conversationID);

  /**
   * The seq under which a serverMsgID is stored in the conversation, 0 when it is not (or was erased): replays keep
   * their seq. For replays only: the H2 adapter (standalone, where nothing is replayed) scans the conversation newest
   * first instead of indexing every serverMsgID on the hot path.
   */
  long seqOfServerMsgID(String conversationID, String serverMsgID);

  // ---- read and change side: reactive ----

  /** The stored slots among {@code seqs} (missing and erased seqs are simply absent), ascending by seq. */
  Flux<StoredMessage> find(String conversationID, Collection<Long> seqs);

  /** The stored slot with the highest seq at or below {@code atMost}, empty when there is none. */
  Mono<StoredMessage> findLatest(String conversationID, long atMost);

  /**
   * The seq of the newest stored message sent at or before {@code sendTime} (ms), 0 when there is none: where a
   * conversation's periodic message destruct cuts off (spec/api-conversation.md §5.4).
   */
  Mono<Long> lastSeqSentAtOrBefore(String conversationID, long sendTime);

  /** Adds the user to each listed message's delete list (logical, per-user delete). */
  Mono<Void> markDeleted(String conversationID, String userID, Collection<Long> seqs);

  /**
   * Erases the listed messages for everyone: every read and change method then treats them as never stored, and the
   * read path shows placeholders (spec/pipeline.md §9.1).
   */
  Mono<Void> erase(String conversationID, Collection<Long> seqs);

  /** Records (or replaces) the revoke record of a stored message; false when no message is stored at that seq. */
  Mono<Boolean> revoke(String conversationID, long seq, Revocation revocation);

  /** Sets the read flag on the listed messages that {@code readerUserID} did not send. */
  Mono<Void> markRead(String conversationID, String readerUserID, Collection<Long> seqs);

  /**
   * Messages of chat conversations ({@code si_}/{@code sg_}; notification conversations are never searched) matching
   * the query, oldest first (by send time, then conversation ID and seq), skipping {@code skip} and returning at most
   * {@code limit}.
   */
  Flux<StoredMessage> search(SearchQuery query, long skip, int limit);

  /** The number of stored messages matching the query in chat conversations. */
  Mono<Long> count(SearchQuery query);

  /**
   * Erases every message sent before {@code sendTimeBefore} (ms) in the listed conversations (empty = all), and
   * returns per conversation the highest erased seq, so the caller can raise min seqs past it (spec/api-msg.md §9.5).
   * Conversations in which nothing was erased are not in the map.
   */
  Mono<Map<String, Long>> eraseSentBefore(Collection<String> conversationIDs, long sendTimeBefore);
}
