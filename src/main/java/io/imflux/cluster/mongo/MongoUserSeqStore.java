package io.imflux.cluster.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.SeqAllocator.UserSeq;
import io.imflux.cluster.UserSeqStore;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Per-user seqs in MongoDB's {@code seq_user}, one document per user and conversation, {@code _id} = userID + ":" +
 * conversationID (user IDs never contain {@code :}).
 */
public final class MongoUserSeqStore implements UserSeqStore {

  private final MongoCollection<Document> collection;

  public MongoUserSeqStore(MongoDatabase database) {
    this.collection = database.getCollection("seq_user");
  }

  @Override
  public Mono<UserSeq> load(String userID, String conversationID) {
    return Mono.from(collection.find(Filters.eq("_id", key(userID, conversationID))).first())
        .map(MongoUserSeqStore::fromDocument);
  }

  @Override
  public Mono<Void> saveAll(Collection<Entry> entries) {
    if (entries.isEmpty()) {
      return Mono.empty();
    }
    List<WriteModel<Document>> writes = entries.stream()
        .<WriteModel<Document>>map(entry -> {
          String key = key(entry.userID(), entry.conversationID());
          return new ReplaceOneModel<>(Filters.eq("_id", key), toDocument(key, entry.seq()),
              new ReplaceOptions().upsert(true));
        })
        .toList();
    return Mono.from(collection.bulkWrite(writes)).then();
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
