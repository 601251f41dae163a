package io.imflux.cluster.mongo;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * A compare-and-set filter, {@code _id} and one more field equal, that the embedded Mongo-wire store answers from an
 * index. That store uses an index only when the index has exactly the filter's fields, and the driver renders
 * {@code Filters.and} as {@code $and}, which no index has: such a filter scanned the whole collection on every write.
 * A flat document of the two equalities, with a unique index on exactly those fields, is a lookup there; real MongoDB
 * pays one more index.
 */
public final class IdAndFieldFilter {

  private IdAndFieldFilter() {}

  /** Creates the index in the background; writes before it exists still scan. */
  public static void index(MongoCollection<Document> collection, String field) {
    Mono.from(collection.createIndex(Indexes.ascending("_id", field), new IndexOptions().unique(true))).subscribe();
  }

  /** {@code {_id: id, field: value}}. */
  public static Document of(Object id, String field, Object value) {
    return new Document("_id", id).append(field, value);
  }
}
