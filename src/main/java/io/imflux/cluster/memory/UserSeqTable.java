package io.imflux.cluster.memory;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.SeqAllocator.UserSeq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
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
 * Per-user seqs of the standalone mode (collection {@code seq_user}, {@code _id} = userID + ":" + conversationID,
 * user IDs never contain {@code :}). Memory is authoritative in the one process; min and max seqs are written
 * through at once, read seqs — raised on every stored batch for each sender — are written behind, coalesced once a
 * second and on shutdown. A crash can therefore lose up to a second of read positions, which only makes a few
 * messages count as unread again (the reference keeps them in Redis the same way).
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
public class UserSeqTable implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(UserSeqTable.class);
  static final Duration FLUSH_EVERY = Duration.ofSeconds(1);

  private final Map<String, Mono<UserSeq>> loading = new ConcurrentHashMap<>();
  private final Map<String, UserSeq> seqs = new ConcurrentHashMap<>();
  private final Set<String> dirty = ConcurrentHashMap.newKeySet();
  private final MongoCollection<Document> collection;
  private final Disposable flusher;

  public UserSeqTable(MongoDatabase database) {
    this.collection = database.getCollection("seq_user");
    // A thread that may wait: the flush subscribes MongoDB writes, whose driver briefly locks its pool.
    this.flusher = Flux.interval(FLUSH_EVERY, Schedulers.newBoundedElastic(1, 16, "seq-user-flush"))
        .onBackpressureDrop()
        .concatMap(tick -> flush().onErrorResume(e -> {
          log.warn("writing read seqs failed; retrying on the next flush", e);
          return Mono.empty();
        }))
        .subscribe();
  }

  public Mono<UserSeq> get(String userID, String conversationID) {
    String key = key(userID, conversationID);
    UserSeq known = seqs.get(key);
    if (known != null) {
      return Mono.just(known);
    }
    return loading.computeIfAbsent(key, k -> Mono.from(collection.find(Filters.eq("_id", k)).first())
        .map(UserSeqTable::fromDocument)
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

  private Mono<UserSeq> change(String userID, String conversationID, java.util.function.UnaryOperator<UserSeq> edit,
      boolean writeThrough) {
    String key = key(userID, conversationID);
    return get(userID, conversationID).flatMap(ignored -> {
      UserSeq updated = seqs.compute(key, (k, current) -> edit.apply(current == null ? new UserSeq(0, 0, 0) : current));
      if (!writeThrough) {
        dirty.add(key);
        return Mono.just(updated);
      }
      return Mono.from(collection.replaceOne(Filters.eq("_id", key), toDocument(key, updated),
          new ReplaceOptions().upsert(true))).thenReturn(updated);
    });
  }

  /** Writes every read seq changed since the last flush in one bulk write. */
  Mono<Void> flush() {
    if (dirty.isEmpty()) {
      return Mono.empty();
    }
    List<WriteModel<Document>> writes = new ArrayList<>();
    for (String key : List.copyOf(dirty)) {
      dirty.remove(key);
      UserSeq current = seqs.get(key);
      if (current != null) {
        writes.add(new ReplaceOneModel<>(Filters.eq("_id", key), toDocument(key, current),
            new ReplaceOptions().upsert(true)));
      }
    }
    return writes.isEmpty() ? Mono.empty() : Mono.from(collection.bulkWrite(writes)).then();
  }

  @Override
  public void destroy() {
    flusher.dispose();
    flush().block(Duration.ofSeconds(10));
  }

  private static String key(String userID, String conversationID) {
    return userID + ":" + conversationID;
  }

  private static Document toDocument(String key, UserSeq seq) {
    return new Document("_id", key)
        .append("minSeq", seq.minSeq())
        .append("maxSeq", seq.maxSeq())
        .append("readSeq", seq.readSeq());
  }

  private static UserSeq fromDocument(Document document) {
    return new UserSeq(number(document, "minSeq"), number(document, "maxSeq"), number(document, "readSeq"));
  }

  private static long number(Document document, String field) {
    Object value = document.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
