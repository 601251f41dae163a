package io.imflux.friend;

import static io.imflux.friend.RelationDocuments.key;
import static io.imflux.friend.RelationDocuments.longOf;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.mongo.IdAndFieldFilter;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Friend requests: collection {@code friend_request}, {@code _id} = fromUserID + ":" + toUserID, with per user the
 * requests they sent ({@code friend_request_from}) and received ({@code friend_request_to}) as ID lists. Requests are
 * never deleted. No business rules here.
 */
@Component
class FriendRequestStore {

  private static final String HANDLE_RESULT = "handleResult";

  private final RelationDocuments<FriendApplication> rows;
  private final IdLists sent;
  private final IdLists received;

  FriendRequestStore(MongoDatabase database) {
    this.rows = new RelationDocuments<>(database.getCollection("friend_request"), FriendRequestStore::decode);
    this.sent = new IdLists(database, "friend_request_from");
    this.received = new IdLists(database, "friend_request_to");
    IdAndFieldFilter.index(rows.collection(), HANDLE_RESULT);
  }

  Mono<FriendApplication> find(String fromUserID, String toUserID) {
    return rows.find(key(fromUserID, toUserID));
  }

  /** The requests between two users in either direction (0 to 2). */
  Mono<List<FriendApplication>> between(String userID1, String userID2) {
    return rows.findAll(List.of(key(userID1, userID2), key(userID2, userID1)));
  }

  Mono<List<FriendApplication>> receivedBy(String toUserID) {
    return received.get(toUserID).flatMap(fromIDs -> rows.findAll(fromIDs.stream()
        .map(fromUserID -> key(fromUserID, toUserID)).toList()));
  }

  Mono<List<FriendApplication>> sentBy(String fromUserID) {
    return sent.get(fromUserID).flatMap(toIDs -> rows.findAll(toIDs.stream()
        .map(toUserID -> key(fromUserID, toUserID)).toList()));
  }

  /**
   * Creates the request, or resets an existing one to pending with the new message, {@code ex} and time, keeping
   * its handler fields (§1); answers the stored request.
   */
  Mono<FriendApplication> apply(String fromUserID, String toUserID, String reqMsg, String ex, long now) {
    Bson update = Updates.combine(
        Updates.set(HANDLE_RESULT, FriendApplication.PENDING),
        Updates.set("handleMsg", ""),
        Updates.set("reqMsg", reqMsg),
        Updates.set("ex", ex),
        Updates.set("createTime", now),
        Updates.setOnInsert("fromUserID", fromUserID),
        Updates.setOnInsert("toUserID", toUserID),
        Updates.setOnInsert("handlerUserID", ""),
        Updates.setOnInsert("handleTime", 0L));
    return sent.add(fromUserID, List.of(toUserID))
        .then(received.add(toUserID, List.of(fromUserID)))
        .then(Mono.from(rows.collection().updateOne(Filters.eq("_id", key(fromUserID, toUserID)), update,
            new UpdateOptions().upsert(true))))
        .then(find(fromUserID, toUserID));
  }

  /**
   * Marks a pending request handled; answers false when it was not pending (any more). Null fields are left as
   * they are.
   */
  Mono<Boolean> handle(String fromUserID, String toUserID, int result, @Nullable String handlerUserID,
      @Nullable String handleMsg, long now) {
    List<Bson> sets = new ArrayList<>(4);
    sets.add(Updates.set(HANDLE_RESULT, result));
    sets.add(Updates.set("handleTime", now));
    if (handlerUserID != null) {
      sets.add(Updates.set("handlerUserID", handlerUserID));
    }
    if (handleMsg != null) {
      sets.add(Updates.set("handleMsg", handleMsg));
    }
    return Mono.from(rows.collection().updateOne(
            IdAndFieldFilter.of(key(fromUserID, toUserID), HANDLE_RESULT, FriendApplication.PENDING),
            Updates.combine(sets)))
        .map(update -> update.getMatchedCount() == 1);
  }

  private static FriendApplication decode(Document document) {
    String[] users = RelationDocuments.users(document);
    return new FriendApplication(users[0], users[1], document.get(HANDLE_RESULT, 0), document.get("reqMsg", ""),
        longOf(document.get("createTime")), document.get("handlerUserID", ""), document.get("handleMsg", ""),
        longOf(document.get("handleTime")), document.get("ex", ""));
  }
}
