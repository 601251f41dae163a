package io.imflux.friend;

import static io.imflux.friend.RelationDocuments.key;
import static io.imflux.friend.RelationDocuments.longOf;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Friend rows: collection {@code friend}, {@code _id} = ownerUserID + ":" + friendUserID (the documents
 * {@link MongoFriendRelations} reads for the send path), and per owner the insertion-ordered list of friend IDs in
 * {@code friend_owner}. Every write drops the cached copies it touched before it completes. No business rules here.
 */
@Component
class FriendStore {

  private final RelationDocuments<Friend> rows;
  private final IdLists owners;
  private final MongoFriendRelations relations;
  private final HotCache<String, List<String>> orderedIDs = new HotCache<>(50_000, Duration.ofMinutes(10));

  FriendStore(MongoDatabase database, MongoFriendRelations relations) {
    this.rows = new RelationDocuments<>(database.getCollection("friend"), FriendStore::decode);
    this.owners = new IdLists(database, "friend_owner");
    this.relations = relations;
    // Real MongoDB uses it for "who has u as a friend"; the embedded store ignores non-unique indexes.
    Mono.from(rows.collection().createIndex(Indexes.ascending("ownerUserID"))).subscribe();
  }

  Mono<Friend> find(String ownerUserID, String friendUserID) {
    return rows.find(key(ownerUserID, friendUserID));
  }

  /** The owner's rows for those of {@code friendUserIDs} that are friends, in the order of {@code friendUserIDs}. */
  Mono<List<Friend>> findAll(String ownerUserID, Collection<String> friendUserIDs) {
    return rows.findAll(friendUserIDs.stream().map(id -> key(ownerUserID, id)).toList());
  }

  /** All friend IDs of the owner in the default order: pinned first, then as they were added (§"Data model"). */
  Mono<List<String>> friendIDs(String ownerUserID) {
    return orderedIDs.get(ownerUserID, owner -> owners.get(owner)
            .flatMap(ids -> findAll(owner, ids))
            .map(found -> found.stream()
                .sorted(Comparator.comparing(Friend::isPinned).reversed())
                .map(Friend::friendUserID)
                .toList()))
        .defaultIfEmpty(List.of());
  }

  /** Creates the rows that do not exist yet; answers the ones it created. */
  Mono<List<Friend>> createMissing(List<Friend> wanted) {
    Map<String, List<Friend>> byOwner = RelationDocuments.groupBy(wanted, Friend::ownerUserID);
    return HotCache.invalidatingAfter(Flux.fromIterable(byOwner.entrySet())
            .concatMap(owner -> owners.add(owner.getKey(),
                owner.getValue().stream().map(Friend::friendUserID).toList()))
            .then(rows.insertMissing(wanted, FriendStore::encode)),
        () -> invalidate(wanted));
  }

  /** Deletes rows again (taking back a creation whose follow-up failed). */
  Mono<Void> deleteAll(List<Friend> friends) {
    return HotCache.invalidatingAfter(
        rows.deleteAll(friends.stream().map(f -> key(f.ownerUserID(), f.friendUserID())).toList()),
        () -> invalidate(friends));
  }

  /** Deletes one row and its list entry; answers whether the row existed. */
  Mono<Boolean> delete(String ownerUserID, String friendUserID) {
    return HotCache.invalidatingAfter(rows.delete(key(ownerUserID, friendUserID))
            .flatMap(existed -> owners.remove(ownerUserID, List.of(friendUserID)).thenReturn(existed)),
        () -> invalidate(ownerUserID, friendUserID));
  }

  /** Applies the patch to the owner's rows of {@code friendUserIDs}; IDs that are not friends are skipped. */
  Mono<Void> update(String ownerUserID, Collection<String> friendUserIDs, FriendPatch patch) {
    List<Bson> sets = new ArrayList<>(3);
    if (patch.isPinned() != null) {
      sets.add(Updates.set("isPinned", patch.isPinned()));
    }
    if (patch.remark() != null) {
      sets.add(Updates.set("remark", patch.remark()));
    }
    if (patch.ex() != null) {
      sets.add(Updates.set("ex", patch.ex()));
    }
    if (sets.isEmpty()) {
      return Mono.empty();
    }
    List<String> keys = friendUserIDs.stream().map(id -> key(ownerUserID, id)).toList();
    return HotCache.invalidatingAfter(
        Mono.from(rows.collection().updateMany(Filters.in("_id", keys), Updates.combine(sets))).then(),
        () -> orderedIDs.invalidate(ownerUserID));
  }

  private void invalidate(List<Friend> friends) {
    friends.forEach(friend -> invalidate(friend.ownerUserID(), friend.friendUserID()));
  }

  private void invalidate(String ownerUserID, String friendUserID) {
    relations.invalidate(ownerUserID, friendUserID);
    orderedIDs.invalidate(ownerUserID);
  }

  private static Document encode(Friend friend) {
    return new Document("_id", key(friend.ownerUserID(), friend.friendUserID()))
        .append("ownerUserID", friend.ownerUserID())
        .append("friendUserID", friend.friendUserID())
        .append("remark", friend.remark())
        .append("createTime", friend.createTime())
        .append("addSource", friend.addSource())
        .append("operatorUserID", friend.operatorUserID())
        .append("ex", friend.ex())
        .append("isPinned", friend.isPinned());
  }

  private static Friend decode(Document document) {
    String[] users = RelationDocuments.users(document);
    return new Friend(users[0], users[1], document.get("remark", ""), longOf(document.get("createTime")),
        document.get("addSource", 0), document.get("operatorUserID", ""), document.get("ex", ""),
        document.get("isPinned", false));
  }
}
