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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Numbers and stores a batch of messages (spec/pipeline.md §6-§8, ARCHITECTURE §4): per conversation, one seq
 * allocation; one store write for the whole batch; then the effects of the first message and of the sender's own
 * messages, then the acknowledgements, then the pushes. Runs on a shard's own thread: storing blocks it, waiting for
 * side effects does not.
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
  /** Per conversation, the acks still waiting for their side effects; touched by one shard thread and completions. */
  private final Map<String, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

  public Sequencer(SeqAllocator seqs, MessageStore store, ConversationRecords records, PushDispatcher pushes) {
    this.seqs = seqs;
    this.store = store;
    this.records = records;
    this.pushes = pushes;
  }

  /**
   * Handles one drained batch of a shard, in arrival order within each conversation: seqs per conversation, then one
   * store write for the whole batch, then per conversation its side effects, acks and pushes.
   */
  void process(List<Pending> batch) {
    Map<String, List<Pending>> byConversation = new LinkedHashMap<>();
    for (Pending pending : batch) {
      byConversation.computeIfAbsent(pending.conversationID(), id -> new ArrayList<>()).add(pending);
    }
    Map<String, Numbered> numbered = new LinkedHashMap<>();
    byConversation.forEach((conversationID, pending) -> {
      try {
        numbered.put(conversationID, number(pending, seqs.allocate(conversationID, pending.size())));
      } catch (RuntimeException e) {
        fail(conversationID, pending, e);
      }
    });
    if (numbered.isEmpty()) {
      return;
    }
    Map<String, List<MsgData>> messages = new LinkedHashMap<>();
    numbered.forEach((conversationID, n) -> messages.put(conversationID, n.messages()));
    try {
      store.appendAll(messages);
    } catch (RuntimeException e) {
      numbered.forEach((conversationID, n) -> {
        seqs.release(conversationID, n.lastSeq(), n.messages().size());
        fail(conversationID, byConversation.get(conversationID), e);
      });
      return;
    }
    numbered.forEach((conversationID, n) -> stored(conversationID, byConversation.get(conversationID), n));
  }

  /** A conversation's part of a batch with its seqs: {@code lastSeq} is the conversation's seq before them. */
  private record Numbered(long lastSeq, List<MsgData> messages) {}

  private static Numbered number(List<Pending> pending, long lastSeq) {
    List<MsgData> numbered = new ArrayList<>(pending.size());
    for (int i = 0; i < pending.size(); i++) {
      numbered.add(pending.get(i).msg().toBuilder().setSeq(lastSeq + 1 + i).setStatus(STATUS_SUCCESS).build());
    }
    return new Numbered(lastSeq, numbered);
  }

  /**
   * Acks and pushes a conversation's stored part once its side effects are in place. They usually are at once (a
   * cached lookup, a read seq in memory), and then this thread acks and pushes; when they must wait for a store (a
   * conversation's first message creates its records) they finish on the store's thread, and later batches of the
   * same conversation queue behind them, so its acks and pushes keep their order while other conversations go on.
   */
  private void stored(String conversationID, List<Pending> pending, Numbered numbered) {
    Runnable acknowledge = () -> acknowledge(conversationID, pending, numbered.messages());
    Mono<Void> effects = afterStore(conversationID, numbered.lastSeq(), numbered.messages());
    CompletableFuture<Void> earlier = waiting.get(conversationID);
    CompletableFuture<Void> done;
    if (earlier == null) {
      CompletableFuture<Void> now = effects.toFuture();
      if (now.isDone()) {
        acknowledge.run();
        return;
      }
      done = now.thenRun(acknowledge);
    } else {
      // Whatever became of the earlier batch, this one is acknowledged after it.
      done = earlier.handle((ignored, error) -> null).thenCompose(ignored -> effects.toFuture()).thenRun(acknowledge);
    }
    waiting.put(conversationID, done);
    done.whenComplete((ignored, error) -> {
      waiting.remove(conversationID, done);
      if (error != null) {
        log.error("acknowledging {} seq {}.. failed", conversationID, numbered.lastSeq() + 1, error);
      }
    });
  }

  private void acknowledge(String conversationID, List<Pending> pending, List<MsgData> messages) {
    for (int i = 0; i < pending.size(); i++) {
      pending.get(i).ack().success(messages.get(i).getSeq());
    }
    for (int i = 0; i < pending.size(); i++) {
      pushes.dispatch(conversationID, messages.get(i), pending.get(i).operationID());
    }
  }

  /**
   * The effects that must be in place before the sender hears "stored": a chat conversation's first message creates
   * its records (pipeline.md §13) and a later one re-creates deleted ones (api-conversation.md §5.1), and a sender's
   * own messages never count as unread for them (§6 step 6). Never fails: the messages are stored, and a missing
   * record or read position is repaired by the next message or read.
   */
  private Mono<Void> afterStore(String conversationID, long lastSeq, List<MsgData> numbered) {
    if (ConversationIds.isNotification(conversationID)) {
      return Mono.empty();
    }
    Map<String, Long> lastOfSender = new LinkedHashMap<>();
    numbered.forEach(msg -> lastOfSender.put(msg.getSendID(), msg.getSeq()));
    return records.afterStored(conversationID, lastSeq, numbered.get(0))
        .then(Flux.fromIterable(lastOfSender.entrySet())
            .concatMap(last -> seqs.raiseReadSeq(last.getKey(), conversationID, last.getValue()))
            .then())
        .timeout(SIDE_EFFECT_TIMEOUT)
        .onErrorResume(e -> {
          log.warn("side effects of {} seq {}.. failed", conversationID, lastSeq + 1, e);
          return Mono.empty();
        });
  }

  private static void fail(String conversationID, List<Pending> pending, RuntimeException error) {
    log.error("storing {} message(s) of {} failed", pending.size(), conversationID, error);
    pending.forEach(p -> p.ack().error(error));
  }
}
