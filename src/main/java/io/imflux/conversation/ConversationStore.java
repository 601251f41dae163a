package io.imflux.conversation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import io.imflux.proto.conversation.Conversation;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversation records, one document per (owner, conversation) with {@code _id} = owner + ":" + conversationID, and
 * per owner one index document listing that owner's conversation IDs, so "all conversations of a user" is a lookup
 * by {@code _id} on the embedded store too (ARCHITECTURE §5). No business rules here.
 */
@Component
public class ConversationStore {

  private final MongoCollection<Document> records;
  private final MongoCollection<Document> owners;
  private final HotCache<String, Conversation> cache = new HotCache<>(100_000, Duration.ofMinutes(10));

  public ConversationStore(MongoDatabase database) {
    this.records = database.getCollection("conversation");
    this.owners = database.getCollection("conversation_owner");
  }

  /** One record, from the hot cache: the send path reads the receiver's receive option on every message. */
  public Mono<Conversation> find(String ownerUserID, String conversationID) {
    return cache.get(key(ownerUserID, conversationID), id -> Mono.from(records.find(Filters.eq("_id", id)).first())
        .map(ConversationStore::fromDocument));
  }

  public Flux<Conversation> findAll(String ownerUserID, Collection<String> conversationIDs) {
    if (conversationIDs.isEmpty()) {
      return Flux.empty();
    }
    List<String> keys = conversationIDs.stream().map(id -> key(ownerUserID, id)).toList();
    return Flux.from(records.find(Filters.in("_id", keys))).map(ConversationStore::fromDocument);
  }

  /** The IDs of every conversation the user has a record of, in creation order. */
  public Mono<List<String>> conversationIDs(String ownerUserID) {
    return Mono.from(owners.find(Filters.eq("_id", ownerUserID)).first())
        .map(doc -> doc.getList("conversationIDs", String.class, List.of()))
        .defaultIfEmpty(List.of());
  }

  /** Inserts the records that do not exist yet; existing records are left as they are. */
  public Mono<Void> createIfAbsent(List<Conversation> conversations) {
    if (conversations.isEmpty()) {
      return Mono.empty();
    }
    List<Document> documents = conversations.stream().map(ConversationStore::toDocument).toList();
    Mono<Void> insert = Mono.from(records.insertMany(documents, new InsertManyOptions().ordered(false)))
        .then()
        .onErrorResume(MongoBulkWriteException.class, e -> e.getWriteErrors().stream()
            .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)
            ? Mono.empty()
            : Mono.error(e));
    Mono<Void> index = Flux.fromIterable(conversations)
        .concatMap(c -> Mono.from(owners.updateOne(Filters.eq("_id", c.getOwnerUserID()),
            Updates.addToSet("conversationIDs", c.getConversationID()), new UpdateOptions().upsert(true))))
        .then();
    List<String> keys = conversations.stream().map(c -> key(c.getOwnerUserID(), c.getConversationID())).toList();
    return insert.then(index).doOnTerminate(() -> cache.invalidateAll(keys));
  }

  /** Applies updates to one record; false when the user has no such conversation. */
  public Mono<Boolean> update(String ownerUserID, String conversationID, Bson updates) {
    String key = key(ownerUserID, conversationID);
    return Mono.from(records.updateOne(Filters.eq("_id", key), updates))
        .map(result -> result.getMatchedCount() > 0)
        .doOnTerminate(() -> cache.invalidate(key));
  }

  static String key(String ownerUserID, String conversationID) {
    return ownerUserID + ":" + conversationID;
  }

  static Document toDocument(Conversation c) {
    return new Document("_id", key(c.getOwnerUserID(), c.getConversationID()))
        .append("ownerUserID", c.getOwnerUserID())
        .append("conversationID", c.getConversationID())
        .append("recvMsgOpt", c.getRecvMsgOpt())
        .append("conversationType", c.getConversationType())
        .append("userID", c.getUserID())
        .append("groupID", c.getGroupID())
        .append("isPinned", c.getIsPinned())
        .append("attachedInfo", c.getAttachedInfo())
        .append("isPrivateChat", c.getIsPrivateChat())
        .append("groupAtType", c.getGroupAtType())
        .append("ex", c.getEx())
        .append("burnDuration", c.getBurnDuration())
        .append("minSeq", c.getMinSeq())
        .append("maxSeq", c.getMaxSeq())
        .append("msgDestructTime", c.getMsgDestructTime())
        .append("latestMsgDestructTime", c.getLatestMsgDestructTime())
        .append("isMsgDestruct", c.getIsMsgDestruct());
  }

  static Conversation fromDocument(Document d) {
    return Conversation.newBuilder()
        .setOwnerUserID(d.get("ownerUserID", ""))
        .setConversationID(d.get("conversationID", ""))
        .setRecvMsgOpt(d.get("recvMsgOpt", 0))
        .setConversationType(d.get("conversationType", 0))
        .setUserID(d.get("userID", ""))
        .setGroupID(d.get("groupID", ""))
        .setIsPinned(d.get("isPinned", false))
        .setAttachedInfo(d.get("attachedInfo", ""))
        .setIsPrivateChat(d.get("isPrivateChat", false))
        .setGroupAtType(d.get("groupAtType", 0))
        .setEx(d.get("ex", ""))
        .setBurnDuration(d.get("burnDuration", 0))
        .setMinSeq(longOf(d, "minSeq"))
        .setMaxSeq(longOf(d, "maxSeq"))
        .setMsgDestructTime(longOf(d, "msgDestructTime"))
        .setLatestMsgDestructTime(longOf(d, "latestMsgDestructTime"))
        .setIsMsgDestruct(d.get("isMsgDestruct", false))
        .build();
  }

  private static long longOf(Document d, String field) {
    Object value = d.get(field);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
