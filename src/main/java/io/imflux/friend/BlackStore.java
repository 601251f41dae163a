package io.imflux.friend;

import static io.imflux.friend.RelationDocuments.key;
import static io.imflux.friend.RelationDocuments.longOf;

import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Blacklist rows: collection {@code black}, {@code _id} = ownerUserID + ":" + blackUserID (the documents
 * {@link MongoFriendRelations} reads for the send path); per owner the insertion-ordered list of blocked IDs in
 * {@code black_owner}, and per blocked user the owners who blocked them in {@code black_by}. No business rules here.
 */
@Component
class BlackStore {

  private final RelationDocuments<Black> rows;
  private final IdLists owners;
  private final IdLists blockedBy;
  private final MongoFriendRelations relations;

  BlackStore(MongoDatabase database, MongoFriendRelations relations) {
    this.rows = new RelationDocuments<>(database.getCollection("black"), BlackStore::decode);
    this.owners = new IdLists(database, "black_owner");
    this.blockedBy = new IdLists(database, "black_by");
    this.relations = relations;
    Mono.from(rows.collection().createIndex(Indexes.ascending("ownerUserID"))).subscribe();
  }

  /** The owner's rows for those of {@code blackUserIDs} that are blocked, in the order of {@code blackUserIDs}. */
  Mono<List<Black>> findAll(String ownerUserID, Collection<String> blackUserIDs) {
    return rows.findAll(blackUserIDs.stream().map(id -> key(ownerUserID, id)).toList());
  }

  /** The owner's whole blacklist in the order it was added. */
  Mono<List<Black>> blacklist(String ownerUserID) {
    return owners.get(ownerUserID).flatMap(ids -> findAll(ownerUserID, ids));
  }

  /** The users who have {@code userID} in their blacklist. */
  Mono<List<String>> blockers(String userID) {
    return blockedBy.get(userID)
        .flatMap(ownerIDs -> rows.findAll(ownerIDs.stream().map(owner -> key(owner, userID)).toList()))
        .map(blacks -> blacks.stream().map(Black::ownerUserID).toList());
  }

  /** Inserts the row unless it exists; answers whether it inserted it. */
  Mono<Boolean> create(Black black) {
    return HotCache.invalidatingAfter(owners.add(black.ownerUserID(), List.of(black.blackUserID()))
            .then(blockedBy.add(black.blackUserID(), List.of(black.ownerUserID())))
            .then(rows.insertMissing(List.of(black), BlackStore::encode))
            .map(inserted -> !inserted.isEmpty()),
        () -> relations.invalidate(black.ownerUserID(), black.blackUserID()));
  }

  /** Deletes the row and its list entries; answers whether the row existed. */
  Mono<Boolean> delete(String ownerUserID, String blackUserID) {
    return HotCache.invalidatingAfter(rows.delete(key(ownerUserID, blackUserID))
            .flatMap(existed -> owners.remove(ownerUserID, List.of(blackUserID))
                .then(blockedBy.remove(blackUserID, List.of(ownerUserID)))
                .thenReturn(existed)),
        () -> relations.invalidate(ownerUserID, blackUserID));
  }

  private static Document encode(Black black) {
    return new Document("_id", key(black.ownerUserID(), black.blackUserID()))
        .append("ownerUserID", black.ownerUserID())
        .append("blackUserID", black.blackUserID())
        .append("createTime", black.createTime())
        .append("addSource", black.addSource())
        .append("operatorUserID", black.operatorUserID())
        .append("ex", black.ex());
  }

  private static Black decode(Document document) {
    String[] users = RelationDocuments.users(document);
    return new Black(users[0], users[1], longOf(document.get("createTime")), document.get("addSource", 0),
        document.get("operatorUserID", ""), document.get("ex", ""));
  }
}
