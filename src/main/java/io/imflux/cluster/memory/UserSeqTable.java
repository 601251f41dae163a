package io.imflux.cluster.memory;

import io.imflux.cluster.SeqAllocator.UserSeq;
import io.imflux.cluster.UserSeqStore;
import io.imflux.cluster.UserSeqStore.Entry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Per-user seqs of the standalone mode, durable in a {@link UserSeqStore}. Memory is authoritative in the one
 * process; min and max seqs are written through at once, read seqs — raised on every stored batch for each sender —
 * are written behind, coalesced once a second and on shutdown. A crash can therefore lose up to a second of read
 * positions, which only makes a few messages count as unread again (the reference keeps them in Redis the same way).
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
public class UserSeqTable implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(UserSeqTable.class);
  static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

  /** A user in a conversation: the key of the table. */
  private record Key(String userID, String conversationID) {}

  private final Map<Key, Mono<UserSeq>> loading = new ConcurrentHashMap<>();
  private final Map<Key, UserSeq> seqs = new ConcurrentHashMap<>();
  private final Set<Key> dirty = ConcurrentHashMap.newKeySet();
  private final UserSeqStore store;
  private final Disposable flusher;

  public UserSeqTable(UserSeqStore store) {
    this.store = store;
    // A thread that may wait: the flush hands its writes to the store, which may briefly lock.
    this.flusher = Flux.interval(FLUSH_EVERY, Schedulers.newBoundedElastic(1, 16, "seq-user-flush"))
        .onBackpressureDrop()
        .concatMap(tick -> flush().onErrorResume(e -> {
          log.warn("writing read seqs failed; retrying on the next flush", e);
          return Mono.empty();
        }))
        .subscribe();
  }

  public Mono<UserSeq> get(String userID, String conversationID) {
    Key key = new Key(userID, conversationID);
    UserSeq known = seqs.get(key);
    if (known != null) {
      return Mono.just(known);
    }
    return loading.computeIfAbsent(key, k -> store.load(userID, conversationID)
        .defaultIfEmpty(new UserSeq(0, 0, 0))
        .map(loaded -> {
          UserSeq winner = seqs.putIfAbsent(k, loaded);
          loading.remove(k);
          return winner != null ? winner : loaded;
        })
        .cache());
  }

  public Mono<Void> setMinSeq(String userID, String conversationID, long minSeq) {
    return change(userID, conversationID, s -> new UserSeq(minSeq, s.maxSeq(), s.readSeq()), true).then();
  }

  public Mono<Void> setMaxSeq(String userID, String conversationID, long maxSeq) {
    return change(userID, conversationID, s -> new UserSeq(s.minSeq(), maxSeq, s.readSeq()), true).then();
  }

  public Mono<Long> raiseReadSeq(String userID, String conversationID, long readSeq) {
    return change(userID, conversationID,
        s -> readSeq > s.readSeq() ? new UserSeq(s.minSeq(), s.maxSeq(), readSeq) : s, false)
        .map(UserSeq::readSeq);
  }

  public Mono<Void> setReadSeq(String userID, String conversationID, long readSeq) {
    return change(userID, conversationID, s -> new UserSeq(s.minSeq(), s.maxSeq(), readSeq), true).then();
  }

  private Mono<UserSeq> change(String userID, String conversationID, UnaryOperator<UserSeq> edit,
      boolean writeThrough) {
    Key key = new Key(userID, conversationID);
    return get(userID, conversationID).flatMap(ignored -> {
      UserSeq updated = seqs.compute(key, (k, current) -> edit.apply(current == null ? new UserSeq(0, 0, 0) : current));
      if (!writeThrough) {
        dirty.add(key);
        return Mono.just(updated);
      }
      return store.saveAll(List.of(new Entry(userID, conversationID, updated))).thenReturn(updated);
    });
  }

  /** Writes every read seq changed since the last flush in one write. */
  Mono<Void> flush() {
    if (dirty.isEmpty()) {
      return Mono.empty();
    }
    List<Entry> writes = new ArrayList<>();
    for (Key key : List.copyOf(dirty)) {
      dirty.remove(key);
      UserSeq current = seqs.get(key);
      if (current != null) {
        writes.add(new Entry(key.userID(), key.conversationID(), current));
      }
    }
    return store.saveAll(writes);
  }

  @Override
  public void destroy() {
    flusher.dispose();
    flush().block(Duration.ofSeconds(10));
  }
}
