package io.imflux.conversation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.proto.conversation.Conversation;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The records that may have message destruct on (collection {@code conversation_destruct}, {@code _id} = the record's
 * key), so the periodic job reads those few instead of every record. Written before a record turns destruct on;
 * a marker whose record turned it off (or is gone) is dropped by the job when it finds that.
 */
@Component
class DestructMarkers {

  /** Which record a marker points at. */
  record Marker(String ownerUserID, String conversationID) {}

  /** Markers read from the database per round trip. */
  private static final int BATCH = 500;

  private final MongoCollection<Document> markers;

  DestructMarkers(MongoDatabase database) {
    this.markers = database.getCollection("conversation_destruct");
  }

  /** Whether a record with these values is one the job has to look at. */
  static boolean isOn(Conversation record) {
    return record.getIsMsgDestruct() && record.getMsgDestructTime() > 0;
  }

  Mono<Void> mark(Collection<Conversation> records) {
    List<ReplaceOneModel<Document>> writes = records.stream()
        .map(record -> {
          String key = ConversationStore.key(record.getOwnerUserID(), record.getConversationID());
          return new ReplaceOneModel<>(Filters.eq("_id", key), new Document("_id", key)
              .append("ownerUserID", record.getOwnerUserID())
              .append("conversationID", record.getConversationID()), new ReplaceOptions().upsert(true));
        })
        .toList();
    return writes.isEmpty() ? Mono.empty() : Mono.from(markers.bulkWrite(writes)).then();
  }

  Flux<Marker> all() {
    return Flux.from(markers.find().batchSize(BATCH))
        .map(document -> new Marker(document.getString("ownerUserID"), document.getString("conversationID")));
  }

  Mono<Void> drop(Marker marker) {
    return Mono.from(markers.deleteOne(
        Filters.eq("_id", ConversationStore.key(marker.ownerUserID(), marker.conversationID())))).then();
  }
}
