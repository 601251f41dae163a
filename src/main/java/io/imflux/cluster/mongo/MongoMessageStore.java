package io.imflux.cluster.mongo;

import static io.imflux.cluster.mongo.MessageDocuments.CONVERSATION_ID;
import static io.imflux.cluster.mongo.MessageDocuments.ID;
import static io.imflux.cluster.mongo.MessageDocuments.SEND_ID;
import static io.imflux.cluster.mongo.MessageDocuments.SEND_TIME;
import static io.imflux.cluster.mongo.MessageDocuments.SEQ;
import static io.imflux.cluster.mongo.MessageDocuments.SERVER_MSG_ID;
import static io.imflux.cluster.mongo.MessageDocuments.STORED;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexModel;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.MessageStore;
import io.imflux.proto.sdkws.MsgData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The message store on a real MongoDB (ARCHITECTURE §1): collection {@code msg}, one document per message
 * ({@link MessageDocuments}). The reactive methods stay on the driver's threads. The write side blocks on the driver
 * ({@code block()}), which is right where it runs: on the sequencer's own threads, never on an event loop.
 */
public final class MongoMessageStore implements MessageStore {

  public static final String COLLECTION = "msg";

  private final MongoCollection<Document> collection;

  private MongoMessageStore(MongoCollection<Document> collection) {
    this.collection = collection;
  }

  /**
   * The store over {@code database}, with its indexes declared. Blocking; called once at startup. The embedded
   * Mongo-wire server keeps only the unique one (ARCHITECTURE §5) and scans for the rest; real MongoDB uses them all.
   */
  public static MongoMessageStore open(MongoDatabase database) {
    MongoCollection<Document> collection = database.getCollection(COLLECTION);
    Flux.from(collection.createIndexes(List.of(
            // range reads by seq (find latest, max seq, age clean-up per conversation)
            new IndexModel(Indexes.ascending(CONVERSATION_ID, SEQ), new IndexOptions().unique(true)),
            // replays: the seq of a serverMsgID
            new IndexModel(Indexes.ascending(CONVERSATION_ID, SERVER_MSG_ID)),
            // search (its filters on sendTime and its order) and clean-up by age
            new IndexModel(Indexes.ascending(SEND_TIME, CONVERSATION_ID, SEQ)))))
        .then()
        .block();
    return new MongoMessageStore(collection);
  }

  // ---- write side: the caller's (sequencer's) thread, blocking ----

  @Override
  public void appendAll(Map<String, List<MsgData>> messagesByConversation) {
    List<Document> documents = new ArrayList<>();
    messagesByConversation.forEach((conversationID, messages) -> {
      for (MsgData msg : messages) {
        documents.add(MessageDocuments.toDocument(conversationID, msg));
      }
    });
    if (documents.isEmpty()) {
      return;
    }
    try {
      Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(true))).block();
    } catch (RuntimeException e) {
      undoAppend(documents, e);
      throw e;
    }
  }

  /**
   * All or none without a transaction: an ordered insert stops at its first failure, so what it stored before that
   * is known and removed. When the outcome is unknown (the connection failed), whatever of this batch is stored is.
   */
  private void undoAppend(List<Document> documents, RuntimeException failure) {
    Bson stored;
    if (failure instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
      int insertedBefore = bulk.getWriteErrors().get(0).getIndex();
      if (insertedBefore == 0) {
        return;
      }
      stored = Filters.in(ID, documents.subList(0, insertedBefore).stream().map(d -> d.get(ID)).toList());
    } else {
      List<Bson> ours = new ArrayList<>(documents.size());
      for (Document document : documents) {
        ours.add(Filters.and(Filters.eq(ID, document.get(ID)), Filters.eq(SERVER_MSG_ID, document.get(SERVER_MSG_ID))));
      }
      stored = Filters.or(ours);
    }
    try {
      Mono.from(collection.deleteMany(stored)).block();
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
    }
  }

  @Override
  public long maxStoredSeq(String conversationID) {
    Long seq = topSeq(conversationID).block();
    return seq == null ? 0 : seq;
  }

  @Override
  public long seqOfServerMsgID(String conversationID, String serverMsgID) {
    Document found = Mono.from(collection.find(Filters.and(
                Filters.eq(CONVERSATION_ID, conversationID), Filters.eq(SERVER_MSG_ID, serverMsgID), STORED))
            .projection(Projections.include(SEQ))
            .first())
        .block();
    return found == null ? 0 : found.get(SEQ, Number.class).longValue();
  }

  // ---- read and change side: reactive, on the driver's threads ----

  @Override
  public Flux<StoredMessage> find(String conversationID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Flux.empty();
    }
    return Flux.from(collection.find(Filters.and(Filters.in(ID, MessageDocuments.ids(conversationID, seqs)), STORED))
            .sort(Sorts.ascending(SEQ)))
        .map(MessageDocuments::toStored);
  }

  @Override
  public Mono<StoredMessage> findLatest(String conversationID, long atMost) {
    return Mono.from(collection.find(Filters.and(
                Filters.eq(CONVERSATION_ID, conversationID), Filters.lte(SEQ, atMost), STORED))
            .sort(Sorts.descending(SEQ))
            .first())
        .map(MessageDocuments::toStored);
  }

  @Override
  public Mono<Long> lastSeqSentAtOrBefore(String conversationID, long sendTime) {
    return Mono.from(collection.find(Filters.and(
                Filters.eq(CONVERSATION_ID, conversationID), Filters.lte(SEND_TIME, sendTime), STORED))
            .sort(Sorts.descending(SEQ))
            .projection(Projections.include(SEQ))
            .first())
        .map(document -> document.get(SEQ, Number.class).longValue())
        .defaultIfEmpty(0L);
  }

  @Override
  public Mono<Void> markDeleted(String conversationID, String userID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return Mono.from(collection.updateMany(
            Filters.and(Filters.in(ID, MessageDocuments.ids(conversationID, seqs)), STORED),
            Updates.addToSet(MessageDocuments.DEL_LIST, userID)))
        .then();
  }

  @Override
  public Mono<Void> erase(String conversationID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return topSeq(conversationID).flatMap(top -> {
      List<Long> below = seqs.stream().filter(seq -> seq < top).toList();
      Mono<?> delete = below.isEmpty()
          ? Mono.empty()
          : Mono.from(collection.deleteMany(Filters.in(ID, MessageDocuments.ids(conversationID, below))));
      Mono<?> mark = seqs.contains(top)
          ? Mono.from(collection.updateOne(
              Filters.and(Filters.eq(ID, MessageDocuments.id(conversationID, top)), STORED),
              MessageDocuments.TO_MARKER))
          : Mono.empty();
      return delete.then(mark);
    }).then();
  }

  @Override
  public Mono<Boolean> revoke(String conversationID, long seq, Revocation revocation) {
    return Mono.from(collection.updateOne(
            Filters.and(Filters.eq(ID, MessageDocuments.id(conversationID, seq)), STORED),
            Updates.set(MessageDocuments.REVOKE, MessageDocuments.toDocument(revocation))))
        .map(result -> result.getMatchedCount() > 0);
  }

  @Override
  public Mono<Void> markRead(String conversationID, String readerUserID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return Mono.from(collection.updateMany(
            Filters.and(Filters.in(ID, MessageDocuments.ids(conversationID, seqs)), STORED,
                Filters.ne(SEND_ID, readerUserID)),
            Updates.set(MessageDocuments.IS_READ, true)))
        .then();
  }

  @Override
  public Flux<StoredMessage> search(SearchQuery query, long skip, int limit) {
    if (limit <= 0) {
      return Flux.empty();
    }
    return Flux.from(collection.find(MessageDocuments.searchFilter(query))
            .sort(Sorts.ascending(SEND_TIME, CONVERSATION_ID, SEQ))
            .skip((int) Math.min(skip, Integer.MAX_VALUE))
            .limit(limit))
        .map(MessageDocuments::toStored);
  }

  @Override
  public Mono<Long> count(SearchQuery query) {
    return Mono.from(collection.countDocuments(MessageDocuments.searchFilter(query)));
  }

  @Override
  public Mono<Map<String, Long>> eraseSentBefore(Collection<String> conversationIDs, long sendTimeBefore) {
    Bson old = conversationIDs.isEmpty()
        ? Filters.lt(SEND_TIME, sendTimeBefore)
        : Filters.and(Filters.lt(SEND_TIME, sendTimeBefore), Filters.in(CONVERSATION_ID, conversationIDs));
    // Per conversation with old slots: the highest old seq that still holds a message (0: only an old marker).
    Document erasedSeq = new Document("$cond",
        List.of(new Document("$eq", Arrays.asList("$" + MessageDocuments.MSG, null)), 0L, "$" + SEQ));
    return Flux.from(collection.aggregate(List.of(
            Aggregates.match(old),
            Aggregates.group("$" + CONVERSATION_ID, Accumulators.max("erased", erasedSeq))))
            .allowDiskUse(true))
        .concatMap(group -> eraseOld(group.getString(ID), sendTimeBefore)
            .thenReturn(Map.entry(group.getString(ID), group.get("erased", Number.class).longValue())))
        .filter(erased -> erased.getValue() > 0)
        .collect(HashMap::new, (map, erased) -> map.put(erased.getKey(), erased.getValue()));
  }

  /** Deletes a conversation's slots sent before the cutoff; its highest slot stays, as a marker if it is old. */
  private Mono<Void> eraseOld(String conversationID, long sendTimeBefore) {
    Bson old = Filters.lt(SEND_TIME, sendTimeBefore);
    return topSeq(conversationID).flatMap(top -> Mono.from(collection.deleteMany(
                Filters.and(Filters.eq(CONVERSATION_ID, conversationID), Filters.lt(SEQ, top), old)))
            .then(Mono.from(collection.updateOne(
                Filters.and(Filters.eq(ID, MessageDocuments.id(conversationID, top)), old, STORED),
                MessageDocuments.TO_MARKER))))
        .then();
  }

  /** The conversation's highest slot, marker included; empty when it has none. */
  private Mono<Long> topSeq(String conversationID) {
    return Mono.from(collection.find(Filters.eq(CONVERSATION_ID, conversationID))
            .projection(Projections.include(SEQ))
            .sort(Sorts.descending(SEQ))
            .first())
        .map(document -> document.get(SEQ, Number.class).longValue());
  }
}
