package io.imflux.conversation;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import io.imflux.proto.conversation.Conversation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Conversation records, one document per (owner, conversation) with {@code _id} = owner + ":" + conversationID, and
 * per owner one index document listing that owner's conversation IDs in creation order, so "all conversations of a
 * user" is a lookup by {@code _id} on the embedded store too (ARCHITECTURE §5). No business rules here. Every
 * feature may read; only {@link Conversations} writes, so every change also reaches the owners' version logs.
 */
@Component
public class ConversationStore {

  /** A record with the time it was created (ms), which is stored but not part of the API object. */
  public record Dated(Conversation conversation, long createTime) {}

  private final MongoCollection<Document> records;
  private final MongoCollection<Document> owners;
  private final HotCache<String, Conversation> cache = new HotCache<>(100_000, Duration.ofMinutes(10));

  public ConversationStore(MongoDatabase database) {
    this.records = database.getCollection("conversation");
    this.owners = database.getCollection("conversation_owner");
    // Real MongoDB uses it for update_conversations_by_user; the embedded store ignores non-unique indexes.
    Mono.from(records.createIndex(Indexes.ascending("userID"))).subscribe();
  }

  /** One record, from the hot cache: the send path reads the receiver's receive option on every message. */
  public Mono<Conversation> find(String ownerUserID, String conversationID) {
    return cache.get(key(ownerUserID, conversationID), id -> Mono.from(records.find(Filters.eq("_id", id)).first())
        .map(ConversationStore::fromDocument));
  }

  /** The owner's records among {@code conversationIDs}, in the order listed; missing ones are left out. */
  public Flux<Conversation> findAll(String ownerUserID, Collection<String> conversationIDs) {
    return findAllDated(ownerUserID, conversationIDs).map(Dated::conversation);
  }

  /** As {@link #findAll}, each with its creation time. */
  public Flux<Dated> findAllDated(String ownerUserID, Collection<String> conversationIDs) {
    if (conversationIDs.isEmpty()) {
      return Flux.empty();
    }
    Map<String, Integer> order = new LinkedHashMap<>();
    for (String id : conversationIDs) {
      order.putIfAbsent(key(ownerUserID, id), order.size());
    }
    return Flux.from(records.find(Filters.in("_id", List.copyOf(order.keySet()))))
        .collectSortedList((a, b) -> Integer.compare(order.get(a.getString("_id")), order.get(b.getString("_id"))))
        .flatMapIterable(found -> found)
        .map(document -> new Dated(fromDocument(document), longOf(document, "createTime")));
  }

  /** Every record of the owner, in creation order. */
  public Mono<List<Conversation>> findOwned(String ownerUserID) {
    return conversationIDs(ownerUserID).flatMap(ids -> findAll(ownerUserID, ids).collectList());
  }

  /** The IDs of every conversation the user has a record of, in creation order. */
  public Mono<List<String>> conversationIDs(String ownerUserID) {
    return Mono.from(owners.find(Filters.eq("_id", ownerUserID)).first())
        .map(doc -> doc.getList("conversationIDs", String.class, List.of()))
        .defaultIfEmpty(List.of());
  }

  /**
   * Every record whose peer ({@code userID}) is the user: other users' single and notification chats with them. A
   * scan on the embedded store, indexed on MongoDB; only update_conversations_by_user asks.
   */
  public Flux<Conversation> findByPeer(String userID) {
    return Flux.from(records.find(Filters.eq("userID", userID))).map(ConversationStore::fromDocument);
  }

  /**
   * Inserts the records that do not exist yet, each created at {@code createTime}; existing records are left as they
   * are. Answers the records it inserted.
   */
  Mono<List<Conversation>> createIfAbsent(List<Conversation> conversations, long createTime) {
    if (conversations.isEmpty()) {
      return Mono.just(List.of());
    }
    List<Document> documents = conversations.stream().map(c -> toDocument(c).append("createTime", createTime)).toList();
    Mono<List<Conversation>> insert = Mono.from(records.insertMany(documents, new InsertManyOptions().ordered(false)))
        .thenReturn(conversations)
        .onErrorResume(MongoBulkWriteException.class, e -> {
          if (!e.getWriteErrors().stream()
              .allMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY)) {
            return Mono.error(e);
          }
          Set<Integer> existing = new HashSet<>();
          for (BulkWriteError error : e.getWriteErrors()) {
            existing.add(error.getIndex());
          }
          List<Conversation> inserted = new ArrayList<>();
          for (int i = 0; i < conversations.size(); i++) {
            if (!existing.contains(i)) {
              inserted.add(conversations.get(i));
            }
          }
          return Mono.just(inserted);
        });
    // Every wanted ID goes into its owner's list, also for a record that existed: it repairs a list an earlier
    // failure left without it, and adding to a set twice changes nothing.
    List<UpdateOneModel<Document>> listed = conversations.stream()
        .map(c -> new UpdateOneModel<Document>(Filters.eq("_id", c.getOwnerUserID()),
            Updates.addToSet("conversationIDs", c.getConversationID()), new UpdateOptions().upsert(true)))
        .toList();
    List<String> keys = conversations.stream().map(c -> key(c.getOwnerUserID(), c.getConversationID())).toList();
    return HotCache.invalidatingAfter(
        insert.flatMap(inserted -> Mono.from(owners.bulkWrite(listed)).thenReturn(inserted)),
        () -> cache.invalidateAll(keys));
  }

  /** Applies updates to the owners' records of one conversation; owners without one are skipped. */
  Mono<Void> update(Collection<String> ownerUserIDs, String conversationID, Bson updates) {
    List<String> keys = ownerUserIDs.stream().map(owner -> key(owner, conversationID)).distinct().toList();
    if (keys.isEmpty()) {
      return Mono.empty();
    }
    return HotCache.invalidatingAfter(Mono.from(records.updateMany(Filters.in("_id", keys), updates)).then(),
        () -> cache.invalidateAll(keys));
  }

  /** Deletes the owner's records of these conversations and takes them off the owner's list. */
  Mono<Void> delete(String ownerUserID, Collection<String> conversationIDs) {
    List<String> keys = conversationIDs.stream().map(id -> key(ownerUserID, id)).distinct().toList();
    if (keys.isEmpty()) {
      return Mono.empty();
    }
    return HotCache.invalidatingAfter(Mono.from(records.deleteMany(Filters.in("_id", keys)))
            .then(Mono.from(owners.updateOne(Filters.eq("_id", ownerUserID),
                Updates.pullAll("conversationIDs", List.copyOf(conversationIDs)))))
            .then(),
        () -> cache.invalidateAll(keys));
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
