package io.imflux.user.command;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code user_command} collection: one document per user ({@code _id} = userID) holding the user's commands in
 * insertion order, because every route looks them up by user and the embedded store only indexes {@code _id}
 * (ARCHITECTURE.md §5). Every write filters on {@code _id} alone for the same reason.
 */
@Component
class UserCommandStore {

  static final String COLLECTION = "user_command";
  private static final String COMMANDS = "commands";

  private final MongoCollection<Document> users;

  UserCommandStore(MongoDatabase database) {
    this.users = database.getCollection(COLLECTION);
  }

  Mono<Void> add(String userID, UserCommand command) {
    return Mono.from(users.updateOne(byUser(userID), Updates.push(COMMANDS, toDocument(command)),
            new UpdateOptions().upsert(true)))
        .then();
  }

  /** The user's commands in insertion order. */
  Flux<UserCommand> findAll(String userID) {
    return Mono.from(users.find(byUser(userID)).first())
        .flatMapIterable(document -> document.getList(COMMANDS, Document.class, List.of()))
        .map(UserCommandStore::toCommand);
  }

  /** Removes the first command matching ({@code type}, {@code uuid}); false when there is none. */
  Mono<Boolean> deleteOne(String userID, int type, String uuid) {
    return firstMatching(userID, type, uuid)
        .flatMap(command -> Mono.from(users.updateOne(byUser(userID),
                Updates.pull(COMMANDS, new Document("id", command.id()))))
            // Nothing pulled: a concurrent delete took this one between our read and write; look again.
            .flatMap(result -> result.getModifiedCount() > 0 ? Mono.just(true) : deleteOne(userID, type, uuid)))
        .defaultIfEmpty(false);
  }

  /**
   * Sets the given fields (at least one) of the first command matching ({@code type}, {@code uuid}); false when
   * there is none.
   * Should a concurrent delete remove it between the read and the write, the update is simply ordered before it.
   */
  Mono<Boolean> updateOne(String userID, int type, String uuid, @Nullable String value, @Nullable String ex) {
    return firstMatching(userID, type, uuid)
        .flatMap(command -> {
          List<Bson> sets = new ArrayList<>(2);
          if (value != null) {
            sets.add(Updates.set(COMMANDS + ".$[c].value", value));
          }
          if (ex != null) {
            sets.add(Updates.set(COMMANDS + ".$[c].ex", ex));
          }
          UpdateOptions options = new UpdateOptions().arrayFilters(List.of(Filters.eq("c.id", command.id())));
          return Mono.from(users.updateOne(byUser(userID), Updates.combine(sets), options)).thenReturn(true);
        })
        .defaultIfEmpty(false);
  }

  private Mono<UserCommand> firstMatching(String userID, int type, String uuid) {
    return findAll(userID).filter(command -> command.matches(type, uuid)).next();
  }

  static String newId() {
    return new ObjectId().toHexString();
  }

  private static Bson byUser(String userID) {
    return Filters.eq("_id", userID);
  }

  private static Document toDocument(UserCommand command) {
    return new Document("id", command.id())
        .append("type", command.type())
        .append("uuid", command.uuid())
        .append("value", command.value())
        .append("ex", command.ex())
        .append("createTime", command.createTime());
  }

  private static UserCommand toCommand(Document document) {
    return new UserCommand(
        document.get("id", ""),
        document.get("type", 0),
        document.get("uuid", ""),
        document.get("value", ""),
        document.get("ex", ""),
        document.get("createTime", 0L));
  }
}
