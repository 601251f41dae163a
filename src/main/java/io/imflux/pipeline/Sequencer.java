package io.imflux.pipeline;

import io.imflux.cluster.MessageStore;
import io.imflux.cluster.SeqAllocator;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.sdkws.MsgData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Numbers and stores a batch of messages (spec/pipeline.md §6-§8, ARCHITECTURE §4): per conversation, one seq
 * allocation and one write for the whole batch, then the effects of the first message and of the sender's own
 * messages, then the acknowledgements, then the pushes. Runs on a shard's own thread, so it may block.
 */
@Component
public class Sequencer {

  private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
  private static final Duration SIDE_EFFECT_TIMEOUT = Duration.ofSeconds(30);
  /** Status "send success": what every stored message carries (pipeline.md §8.2, quirk Q3). */
  static final int STATUS_SUCCESS = 2;

  private final SeqAllocator seqs;
  private final MessageStore store;
  private final ConversationRecords records;
  private final PushDispatcher pushes;

  public Sequencer(SeqAllocator seqs, MessageStore store, ConversationRecords records, PushDispatcher pushes) {
    this.seqs = seqs;
    this.store = store;
    this.records = records;
    this.pushes = pushes;
  }

  /** Handles one drained batch of a shard, in arrival order within each conversation. */
  void process(List<Pending> batch) {
    Map<String, List<Pending>> byConversation = new LinkedHashMap<>();
    for (Pending pending : batch) {
      byConversation.computeIfAbsent(pending.conversationID(), id -> new ArrayList<>()).add(pending);
    }
    byConversation.forEach(this::processConversation);
  }

  private void processConversation(String conversationID, List<Pending> pending) {
    int count = pending.size();
    long lastSeq;
    try {
      lastSeq = seqs.allocate(conversationID, count);
    } catch (RuntimeException e) {
      fail(pending, e);
      return;
    }
    List<MsgData> numbered = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      numbered.add(pending.get(i).msg().toBuilder().setSeq(lastSeq + 1 + i).setStatus(STATUS_SUCCESS).build());
    }
    try {
      store.append(conversationID, numbered);
    } catch (RuntimeException e) {
      seqs.release(conversationID, lastSeq, count);
      fail(pending, e);
      return;
    }
    afterStore(conversationID, lastSeq, numbered);
    for (int i = 0; i < count; i++) {
      pending.get(i).ack().success(numbered.get(i).getSeq());
    }
    for (int i = 0; i < count; i++) {
      pushes.dispatch(conversationID, numbered.get(i), pending.get(i).operationID());
    }
  }

  /**
   * The effects that must be in place before the sender hears "stored": a chat conversation's first message creates
   * its records (pipeline.md §13), and a sender's own messages never count as unread for them (§6 step 6).
   */
  private void afterStore(String conversationID, long lastSeq, List<MsgData> numbered) {
    if (ConversationIds.isNotification(conversationID)) {
      return;
    }
    try {
      if (lastSeq == 0) {
        records.createFor(conversationID, numbered.get(0)).block(SIDE_EFFECT_TIMEOUT);
      }
      Map<String, Long> lastOfSender = new LinkedHashMap<>();
      numbered.forEach(msg -> lastOfSender.put(msg.getSendID(), msg.getSeq()));
      lastOfSender.forEach((sender, seq) ->
          seqs.raiseReadSeq(sender, conversationID, seq).block(SIDE_EFFECT_TIMEOUT));
    } catch (RuntimeException e) {
      // The messages are stored; a missing record or read position is repaired by the next message or read.
      log.warn("side effects of {} seq {}.. failed", conversationID, lastSeq + 1, e);
    }
  }

  private static void fail(List<Pending> pending, RuntimeException error) {
    log.error("storing {} message(s) of {} failed", pending.size(), pending.get(0).conversationID(), error);
    pending.forEach(p -> p.ack().error(error));
  }
}
