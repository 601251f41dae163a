package io.imflux.friend;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.bson.Document;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The shared mechanics of the {@code friend}, {@code black} and {@code friend_request} collections, whose
 * {@code _id} is the two user IDs joined by {@code ':'}: lookups keep the caller's order, and inserts that meet
 * existing documents report which ones they created.
 */
final class RelationDocuments<T> {

  private final MongoCollection<Document> collection;
  private final Function<Document, T> decode;

  RelationDocuments(MongoCollection<Document> collection, Function<Document, T> decode) {
    this.collection = collection;
    this.decode = decode;
  }

  static String key(String first, String second) {
    return first + ":" + second;
  }

  MongoCollection<Document> collection() {
    return collection;
  }

  Mono<T> find(String key) {
    return Mono.from(collection.find(Filters.eq("_id", key)).first()).map(decode);
  }

  /** The documents that exist among {@code keys}, in the order of {@code keys}. */
  Mono<List<T>> findAll(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Mono.just(List.of());
    }
    return Flux.from(collection.find(Filters.in("_id", List.copyOf(keys))))
        .collectMap(document -> document.getString("_id"), decode)
        .map(found -> keys.stream().map(found::get).filter(Objects::nonNull).toList());
  }

  /**
   * Inserts the items whose documents do not exist yet and answers the ones it inserted. On any other failure the
   * documents it did insert are deleted again before the error is passed on, so a failed call leaves nothing.
   */
  Mono<List<T>> insertMissing(List<T> items, Function<T, Document> encode) {
    if (items.isEmpty()) {
      return Mono.just(List.of());
    }
    List<Document> documents = items.stream().map(encode).toList();
    return Mono.from(collection.insertMany(documents, new InsertManyOptions().ordered(false)))
        .thenReturn(items)
        .onErrorResume(MongoBulkWriteException.class, e -> {
          Set<Integer> failed = new HashSet<>();
          boolean onlyDuplicates = true;
          for (BulkWriteError error : e.getWriteErrors()) {
            failed.add(error.getIndex());
            onlyDuplicates &= ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY;
          }
          List<T> inserted = new ArrayList<>();
          List<String> insertedKeys = new ArrayList<>();
          for (int i = 0; i < items.size(); i++) {
            if (!failed.contains(i)) {
              inserted.add(items.get(i));
              insertedKeys.add(documents.get(i).getString("_id"));
            }
          }
          return onlyDuplicates ? Mono.just(inserted) : deleteAll(insertedKeys).then(Mono.error(e));
        });
  }

  Mono<Void> deleteAll(Collection<String> keys) {
    if (keys.isEmpty()) {
      return Mono.empty();
    }
    return Mono.from(collection.deleteMany(Filters.in("_id", List.copyOf(keys)))).then();
  }

  /** Deletes one document; answers whether it existed. */
  Mono<Boolean> delete(String key) {
    return Mono.from(collection.deleteOne(Filters.eq("_id", key))).map(result -> result.getDeletedCount() > 0);
  }

  /** Groups items by a key function, keeping first-seen order (one entry per owner). */
  static <T> Map<String, List<T>> groupBy(List<T> items, Function<T, String> key) {
    Map<String, List<T>> groups = new LinkedHashMap<>();
    for (T item : items) {
      groups.computeIfAbsent(key.apply(item), k -> new ArrayList<>()).add(item);
    }
    return groups;
  }

  /** The two user IDs of a document's {@code _id} (user IDs never contain {@code ':'}). */
  static String[] users(Document document) {
    String key = document.getString("_id");
    int colon = key.indexOf(':');
    return new String[] {key.substring(0, colon), key.substring(colon + 1)};
  }

  static long longOf(Object value) {
    return value instanceof Number number ? number.longValue() : 0;
  }
}
