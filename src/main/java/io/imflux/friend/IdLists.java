package io.imflux.friend;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Per user one document listing related user IDs in the order they were added ({@code _id} = userID, {@code ids}), so
 * "all friends of u" is one lookup by {@code _id} on the embedded store too (ARCHITECTURE §5). A list may name an ID
 * whose relation document is gone (a write that failed halfway): readers keep only IDs whose documents exist.
 */
final class IdLists {

  private final MongoCollection<Document> lists;

  IdLists(MongoDatabase database, String collection) {
    this.lists = database.getCollection(collection);
  }

  Mono<List<String>> get(String userID) {
    return Mono.from(lists.find(Filters.eq("_id", userID)).first())
        .map(document -> document.getList("ids", String.class, List.of()))
        .defaultIfEmpty(List.of());
  }

  /** Appends the IDs not yet listed, in the given order. */
  Mono<Void> add(String userID, Collection<String> ids) {
    return Mono.from(lists.updateOne(Filters.eq("_id", userID), Updates.addEachToSet("ids", List.copyOf(ids)),
        new UpdateOptions().upsert(true))).then();
  }

  Mono<Void> remove(String userID, Collection<String> ids) {
    return Mono.from(lists.updateOne(Filters.eq("_id", userID), Updates.pullAll("ids", List.copyOf(ids)))).then();
  }
}
