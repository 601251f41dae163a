package io.imflux.user;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.cluster.HotCache;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code user} collection, one document per user keyed by its ID ({@code _id}), so lookups by ID are
 * equality lookups even on the embedded store. No business rules here.
 */
@Component
public class UserStore {

  static final String COLLECTION = "user";

  private final MongoCollection<Document> users;

  private final HotCache<String, User> cache = new HotCache<>(100_000, Duration.ofMinutes(10));

  public UserStore(MongoDatabase database) {
    this.users = database.getCollection(COLLECTION);
  }

  /** One user by ID, from the hot cache: the send path asks for the same users on every message. */
  public Mono<User> find(String userID) {
    return cache.get(userID, id -> Mono.from(users.find(Filters.eq("_id", id)).first()).map(UserStore::toUser));
  }

  public Flux<User> findAll(Collection<String> userIDs) {
    if (userIDs.isEmpty()) {
      return Flux.empty();
    }
    return Flux.from(users.find(Filters.in("_id", List.copyOf(userIDs)))).map(UserStore::toUser);
  }

  /** Users matching {@code filter} in storage order, skipping {@code skip} and returning at most {@code limit}. */
  public Flux<User> page(Bson filter, int skip, int limit) {
    return Flux.from(users.find(filter).skip(skip).limit(limit)).map(UserStore::toUser);
  }

  public Flux<User> findMatching(Bson filter) {
    return Flux.from(users.find(filter)).map(UserStore::toUser);
  }

  public Mono<Long> count(Bson filter) {
    return Mono.from(users.countDocuments(filter));
  }

  /** Inserts all or, when any ID exists already, fails with REGISTERED_ALREADY. */
  public Mono<Void> insertAll(List<User> batch) {
    List<Document> documents = batch.stream().map(UserStore::toDocument).toList();
    List<String> ids = batch.stream().map(User::userID).toList();
    return invalidating(ids, Mono.from(users.insertMany(documents, new InsertManyOptions().ordered(true)))
        .then()
        .onErrorResume(MongoBulkWriteException.class, e -> {
          // Ordered inserts stop at the first failure: take back the ones before it, so a failed batch leaves nothing.
          List<String> inserted = batch.subList(0, e.getWriteResult().getInsertedCount()).stream()
              .map(User::userID).toList();
          Throwable reported = isDuplicateKey(e)
              ? new ImError(ErrorKind.REGISTERED_ALREADY, "userID registered already")
              : e;
          return (inserted.isEmpty() ? Mono.<Void>empty() : delete(inserted)).then(Mono.error(reported));
        }));
  }

  /** Applies {@code updates} to one user; empty when the user does not exist. */
  public Mono<User> update(String userID, List<Bson> updates) {
    if (updates.isEmpty()) {
      return find(userID);
    }
    return invalidating(List.of(userID), Mono.from(users.findOneAndUpdate(Filters.eq("_id", userID),
            Updates.combine(updates), new com.mongodb.client.model.FindOneAndUpdateOptions()
                .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER)))
        .map(UserStore::toUser));
  }

  public Mono<Void> delete(Collection<String> userIDs) {
    return invalidating(userIDs, Mono.from(users.deleteMany(Filters.in("_id", List.copyOf(userIDs)))).then());
  }

  private <T> Mono<T> invalidating(Collection<String> userIDs, Mono<T> write) {
    return HotCache.invalidatingAfter(write, () -> cache.invalidateAll(userIDs));
  }

  /** The IDs among {@code userIDs} that are registered. */
  public Flux<String> existingIDs(Collection<String> userIDs) {
    if (userIDs.isEmpty()) {
      return Flux.empty();
    }
    return Flux.from(users.find(Filters.in("_id", List.copyOf(userIDs))).projection(Projections.include("_id")))
        .map(document -> document.getString("_id"));
  }

  public Mono<Long> countAll() {
    return Mono.from(users.countDocuments());
  }

  /** User IDs of all users in storage order, skipping {@code skip} and returning at most {@code limit}. */
  public Flux<String> pageIDs(int skip, int limit) {
    return Flux.from(users.find().projection(Projections.include("_id")).skip(skip).limit(limit))
        .map(document -> document.getString("_id"));
  }

  public Mono<Long> countMatching(UserSearch search) {
    return count(filter(search));
  }

  /** Users matching {@code search} in storage order, skipping {@code skip} and returning at most {@code limit}. */
  public Flux<User> pageMatching(UserSearch search, int skip, int limit) {
    return page(filter(search), skip, limit);
  }

  /** Sets the patch's fields in one atomic step; returns the user as it was before, or empty when there is none. */
  public Mono<User> patch(String userID, UserPatch patch) {
    List<Bson> updates = new ArrayList<>(4);
    if (patch.nickname() != null) {
      updates.add(Updates.set("nickname", patch.nickname()));
    }
    if (patch.faceURL() != null) {
      updates.add(Updates.set("faceURL", patch.faceURL()));
    }
    if (patch.ex() != null) {
      updates.add(Updates.set("ex", patch.ex()));
    }
    if (patch.globalRecvMsgOpt() != null) {
      updates.add(Updates.set("globalRecvMsgOpt", patch.globalRecvMsgOpt()));
    }
    if (updates.isEmpty()) {
      return find(userID);
    }
    return invalidating(List.of(userID), Mono.from(users.findOneAndUpdate(Filters.eq("_id", userID),
            Updates.combine(updates), new com.mongodb.client.model.FindOneAndUpdateOptions()
                .returnDocument(com.mongodb.client.model.ReturnDocument.BEFORE)))
        .map(UserStore::toUser));
  }

  private static Bson filter(UserSearch search) {
    Bson levels = Filters.in("appMangerLevel", search.levels());
    List<Bson> patterns = new ArrayList<>(2);
    if (!search.userIDPattern().isEmpty()) {
      patterns.add(Filters.regex("_id", search.userIDPattern(), "i"));
    }
    if (!search.nicknamePattern().isEmpty()) {
      patterns.add(Filters.regex("nickname", search.nicknamePattern(), "i"));
    }
    return patterns.isEmpty() ? levels : Filters.and(levels, Filters.or(patterns));
  }

  private static boolean isDuplicateKey(MongoBulkWriteException e) {
    return e.getWriteErrors().stream()
        .anyMatch(error -> ErrorCategory.fromErrorCode(error.getCode()) == ErrorCategory.DUPLICATE_KEY);
  }

  static Document toDocument(User user) {
    return new Document("_id", user.userID())
        .append("nickname", user.nickname())
        .append("faceURL", user.faceURL())
        .append("ex", user.ex())
        .append("createTime", user.createTime())
        .append("appMangerLevel", user.appMangerLevel())
        .append("globalRecvMsgOpt", user.globalRecvMsgOpt());
  }

  static User toUser(Document document) {
    return new User(
        document.getString("_id"),
        document.get("nickname", ""),
        document.get("faceURL", ""),
        document.get("ex", ""),
        document.get("createTime", 0L),
        document.get("appMangerLevel", 0),
        document.get("globalRecvMsgOpt", 0));
  }
}
