package io.imflux.user.clientconfig;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.api.ImError;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code client_config} collection, one document per (user, key) with {@code _id = userID + ":" + key} (global
 * entries: {@code ":" + key}). User IDs never contain {@code :}, so the ID is unique, and a scope's entries are an
 * anchored prefix of {@code _id}: MongoDB reads that as a range of the {@code _id} index, the embedded store matches
 * it against the index keys without reading other documents (ARCHITECTURE.md §5). An ID that does contain {@code :}
 * would reach another user's keys, so it owns nothing here.
 */
@Component
class ClientConfigStore {

  static final String COLLECTION = "client_config";

  private final MongoCollection<Document> entries;

  ClientConfigStore(MongoDatabase database) {
    this.entries = database.getCollection(COLLECTION);
  }

  /** The entries of one scope: a user's, or the global ones for {@code ""}. */
  Flux<ClientConfigEntry> findScope(String userID) {
    return ownsKeys(userID) ? find(scopeFilter(userID)) : Flux.empty();
  }

  /** Entries matching both filters, either of which may be empty (= any), in storage order. */
  Flux<ClientConfigEntry> find(String userID, String key) {
    if (userID.isEmpty()) {
      return find(key.isEmpty() ? Filters.empty() : Filters.eq("key", key));
    }
    if (!ownsKeys(userID)) {
      return Flux.empty();
    }
    return find(key.isEmpty() ? scopeFilter(userID) : Filters.eq("_id", id(userID, key)));
  }

  Mono<Void> upsert(String userID, Map<String, String> configs) {
    if (configs.isEmpty()) {
      return Mono.empty();
    }
    if (!ownsKeys(userID)) {
      return Mono.error(ImError.args("userID must not contain ':'"));
    }
    ReplaceOptions upsert = new ReplaceOptions().upsert(true);
    List<ReplaceOneModel<Document>> writes = configs.entrySet().stream()
        .map(entry -> new ReplaceOneModel<>(Filters.eq("_id", id(userID, entry.getKey())),
            new Document("userID", userID).append("key", entry.getKey()).append("value", entry.getValue()), upsert))
        .toList();
    return Mono.from(entries.bulkWrite(writes)).then();
  }

  Mono<Void> delete(String userID, Collection<String> keys) {
    if (keys.isEmpty() || !ownsKeys(userID)) {
      return Mono.empty();
    }
    List<String> ids = keys.stream().map(key -> id(userID, key)).distinct().toList();
    return Mono.from(entries.deleteMany(Filters.in("_id", ids))).then();
  }

  private Flux<ClientConfigEntry> find(Bson filter) {
    return Flux.from(entries.find(filter))
        .map(document -> new ClientConfigEntry(
            document.get("userID", ""), document.get("key", ""), document.get("value", "")));
  }

  private static boolean ownsKeys(String userID) {
    return userID.indexOf(':') < 0;
  }

  private static String id(String userID, String key) {
    return userID + ":" + key;
  }

  private static Bson scopeFilter(String userID) {
    return Filters.regex("_id", "^" + escapeRegex(userID) + ":");
  }

  /** Escapes the metacharacters both Java and PCRE know, leaving the prefix literal so an index can serve it. */
  private static String escapeRegex(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ("\\^$.|?*+()[]{}-/#".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
