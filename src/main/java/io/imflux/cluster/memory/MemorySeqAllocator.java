package io.imflux.cluster.memory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.SeqAllocator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Standalone seq counters, in memory. A conversation's counter starts from its highest stored seq, which the message
 * store keeps exact across a crash (its journal) and an erase (a marker in the highest slot), so a stored seq is never
 * handed out again and seqs stay dense (spec/pipeline.md §7.1, imflux contract). Counting therefore writes nothing:
 * the reference reserves blocks in MongoDB because its messages reach storage after their seqs are handed out,
 * ours before. A conversation's min seq is kept in MongoDB (collection {@code seq}). Per-user seqs live in
 * {@link UserSeqTable}.
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
public class MemorySeqAllocator implements SeqAllocator {

  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /** One conversation's counter. Only its sequencer writes {@code current}; readers see the latest value. */
  private static final class Counter {
    volatile long current;
    volatile long lastAllocation;
  }

  private final Map<String, Counter> counters = new ConcurrentHashMap<>();
  private final Map<String, Long> minSeqs = new ConcurrentHashMap<>();
  private final MongoCollection<Document> seqs;
  private final MessageStore messages;
  private final UserSeqTable users;
  private final Clock clock;
  private final Scheduler loader = Schedulers.newBoundedElastic(4, 10_000, "seq-loader");

  public MemorySeqAllocator(MongoDatabase database, MessageStore messages, UserSeqTable users, Clock clock) {
    this.seqs = database.getCollection("seq");
    this.messages = messages;
    this.users = users;
    this.clock = clock;
  }

  @Override
  public long allocate(String conversationID, int count) {
    Counter counter = counter(conversationID);
    long last = counter.current;
    counter.current = last + count;
    counter.lastAllocation = clock.millis();
    return last;
  }

  @Override
  public void release(String conversationID, long lastSeq, int count) {
    Counter counter = counters.get(conversationID);
    if (counter != null && counter.current == lastSeq + count) {
      counter.current = lastSeq;
    }
  }

  @Override
  public Mono<ConversationSeq> conversation(String conversationID) {
    return Mono.zip(loaded(conversationID), minSeq(conversationID))
        .map(both -> new ConversationSeq(both.getT1().current, both.getT2(), both.getT1().lastAllocation));
  }

  @Override
  public Mono<Void> raiseMinSeq(String conversationID, long minSeq) {
    return minSeq(conversationID).flatMap(known -> {
      if (minSeq <= known) {
        return Mono.<Void>empty();
      }
      minSeqs.merge(conversationID, minSeq, Math::max);
      return Mono.from(seqs.updateOne(Filters.eq("_id", conversationID), Updates.max("minSeq", minSeq),
          new UpdateOptions().upsert(true))).then();
    });
  }

  @Override
  public Mono<UserSeq> user(String userID, String conversationID) {
    return users.get(userID, conversationID);
  }

  @Override
  public Mono<Void> setUserMinSeq(String userID, String conversationID, long minSeq) {
    return users.setMinSeq(userID, conversationID, minSeq);
  }

  @Override
  public Mono<Void> setUserMaxSeq(String userID, String conversationID, long maxSeq) {
    return users.setMaxSeq(userID, conversationID, maxSeq);
  }

  @Override
  public Mono<Long> raiseReadSeq(String userID, String conversationID, long readSeq) {
    return users.raiseReadSeq(userID, conversationID, readSeq);
  }

  @Override
  public Mono<Void> setReadSeq(String userID, String conversationID, long readSeq) {
    return users.setReadSeq(userID, conversationID, readSeq);
  }

  /** The counter, loaded on first use from the message store (blocking: sequencer threads only). */
  private Counter counter(String conversationID) {
    Counter counter = counters.get(conversationID);
    return counter != null ? counter : load(conversationID);
  }

  private Mono<Counter> loaded(String conversationID) {
    Counter counter = counters.get(conversationID);
    return counter != null ? Mono.just(counter)
        : Mono.fromCallable(() -> load(conversationID)).subscribeOn(loader);
  }

  private Counter load(String conversationID) {
    Counter fresh = new Counter();
    fresh.current = messages.maxStoredSeq(conversationID);
    Counter winner = counters.putIfAbsent(conversationID, fresh);
    return winner != null ? winner : fresh;
  }

  private Mono<Long> minSeq(String conversationID) {
    Long known = minSeqs.get(conversationID);
    if (known != null) {
      return Mono.just(known);
    }
    return Mono.from(seqs.find(Filters.eq("_id", conversationID)).first())
        .map(saved -> number(saved, "minSeq"))
        .defaultIfEmpty(0L)
        .timeout(READ_TIMEOUT)
        .map(loaded -> minSeqs.merge(conversationID, loaded, Math::max));
  }

  private static long number(Document document, String field) {
    Object value = document.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
