package io.imflux.friend;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import java.time.Duration;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Reads relations from MongoDB by compound key, so each check is one {@code _id} lookup: collection {@code friend}
 * and {@code black}, {@code _id} = ownerUserID + ":" + other user ID, cached because the send path asks on every
 * message. The friends feature writes them and calls {@link #invalidate}.
 */
@Component
public class MongoFriendRelations implements FriendRelations {

  private final MongoCollection<Document> friends;
  private final MongoCollection<Document> blacks;
  private final HotCache<String, Boolean> friendCache = new HotCache<>(200_000, Duration.ofMinutes(10));
  private final HotCache<String, Boolean> blackCache = new HotCache<>(200_000, Duration.ofMinutes(10));

  public MongoFriendRelations(MongoDatabase database) {
    this.friends = database.getCollection("friend");
    this.blacks = database.getCollection("black");
  }

  @Override
  public Mono<Boolean> isBlocked(String ownerUserID, String blockedUserID) {
    return blackCache.get(ownerUserID + ":" + blockedUserID, id -> exists(blacks, id));
  }

  @Override
  public Mono<Boolean> isFriend(String ownerUserID, String friendUserID) {
    return friendCache.get(ownerUserID + ":" + friendUserID, id -> exists(friends, id));
  }

  /**
   * For the friends feature: call once the relation of {@code ownerUserID} to {@code otherUserID} is written, through
   * {@link HotCache#invalidatingAfter}.
   */
  public void invalidate(String ownerUserID, String otherUserID) {
    blackCache.invalidate(ownerUserID + ":" + otherUserID);
    friendCache.invalidate(ownerUserID + ":" + otherUserID);
  }

  private static Mono<Boolean> exists(MongoCollection<Document> collection, String id) {
    return Mono.from(collection.find(Filters.eq("_id", id)).first()).map(found -> true).defaultIfEmpty(false);
  }
}
