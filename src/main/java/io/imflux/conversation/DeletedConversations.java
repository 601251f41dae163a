package io.imflux.conversation;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which owners deleted their record of a conversation, so that the conversation's next stored message brings the
 * record back (spec/api-conversation.md §5.1, our decision). Collection {@code conversation_deleted}, one document per
 * conversation ({@code _id} = conversationID) listing its deletions; behind the hot cache, because the message
 * pipeline asks for every stored batch and the answer is almost always "none".
 */
@Component
public class DeletedConversations {

  /** One owner's deletion, with its time (ms): forgetting removes exactly the deletions that were handled. */
  public record Deletion(String ownerUserID, long time) {}

  private final MongoCollection<Document> deletions;
  private final HotCache<String, List<Deletion>> cache = new HotCache<>(200_000, Duration.ofMinutes(10));

  public DeletedConversations(MongoDatabase database) {
    this.deletions = database.getCollection("conversation_deleted");
  }

  /**
   * The deletions of the conversation's records not yet undone; empty for almost every conversation, which the
   * message pipeline learns from the cache without building a publisher.
   */
  public Mono<List<Deletion>> of(String conversationID) {
    Optional<List<Deletion>> cached = cache.peek(conversationID);
    if (cached.isPresent()) {
      return cached.get().isEmpty() ? Mono.empty() : Mono.just(cached.get());
    }
    return cache.get(conversationID, id -> Mono.from(deletions.find(Filters.eq("_id", id)).first())
            .map(DeletedConversations::fromDocument)
            .defaultIfEmpty(List.of()))
        .filter(found -> !found.isEmpty());
  }

  /** Remembers that the owner deleted their records of these conversations. */
  Mono<Void> remember(String ownerUserID, Collection<String> conversationIDs, long time) {
    if (conversationIDs.isEmpty()) {
      return Mono.empty();
    }
    Document deletion = toDocument(new Deletion(ownerUserID, time));
    List<UpdateOneModel<Document>> writes = conversationIDs.stream()
        .map(id -> new UpdateOneModel<Document>(Filters.eq("_id", id), Updates.addToSet("deletions", deletion),
            new UpdateOptions().upsert(true)))
        .toList();
    return HotCache.invalidatingAfter(Mono.from(deletions.bulkWrite(writes)).then(),
        () -> cache.invalidateAll(conversationIDs));
  }

  /** Forgets deletions that were undone; a deletion remembered since stays. */
  public Mono<Void> forget(String conversationID, List<Deletion> undone) {
    if (undone.isEmpty()) {
      return Mono.empty();
    }
    List<Document> documents = undone.stream().map(DeletedConversations::toDocument).toList();
    return HotCache.invalidatingAfter(
        Mono.from(deletions.updateOne(Filters.eq("_id", conversationID), Updates.pullAll("deletions", documents)))
            .then(),
        () -> cache.invalidate(conversationID));
  }

  private static Document toDocument(Deletion deletion) {
    return new Document("u", deletion.ownerUserID()).append("t", deletion.time());
  }

  private static List<Deletion> fromDocument(Document document) {
    return document.getList("deletions", Document.class, List.of()).stream()
        .map(d -> new Deletion(d.getString("u"), d.get("t", Number.class).longValue()))
        .toList();
  }
}
