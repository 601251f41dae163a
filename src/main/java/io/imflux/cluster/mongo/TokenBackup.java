package io.imflux.cluster.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.api.Platform;
import io.imflux.cluster.TokenState;
import io.imflux.cluster.TokenStore.StoredToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The durable copy of the standalone token store: collection {@code token}, one document per user
 * ({@code _id} = userID) with the version of the state it holds.
 */
@Component
public class TokenBackup {

  /** What a previous run saved for one user. */
  public record SavedTokens(String userID, long version, Map<Platform, List<StoredToken>> byPlatform) {}

  private final MongoCollection<Document> collection;
  private final Map<String, Tail> tails = new ConcurrentHashMap<>();

  public TokenBackup(MongoDatabase database) {
    this.collection = database.getCollection("token");
  }

  public Flux<SavedTokens> loadAll() {
    return Flux.from(collection.find()).map(TokenBackup::fromDocument);
  }

  /**
   * Saves one user's tokens at {@code version}. Writes of a user run one after another, and a state older than one
   * already queued is not written, so the stored document only moves forward; each write finds its document by
   * {@code _id} alone, which the embedded store answers from its index (a filter on the version too made it scan).
   */
  public Mono<Void> save(String userID, long version, Map<Platform, ? extends Map<String, StoredToken>> byPlatform) {
    return Mono.defer(() -> {
      Document document = toDocument(userID, version, byPlatform);
      Sinks.Empty<Void> finished = Sinks.empty();
      AtomicReference<Mono<Void>> before = new AtomicReference<>(Mono.empty());
      Tail mine = tails.compute(userID, (id, tail) -> {
        if (tail != null) {
          before.set(tail.finished());
        }
        return new Tail(tail == null ? version : Math.max(version, tail.version()), finished.asMono());
      });
      Mono<Void> write = mine.version() == version
          ? Mono.from(collection.replaceOne(Filters.eq("_id", userID), document, new ReplaceOptions().upsert(true)))
              .then()
          : Mono.empty();
      return before.get().onErrorComplete().then(write).doFinally(signal -> finished.tryEmitEmpty());
    });
  }

  /** A user's newest queued version and the completion of its last queued write. */
  private record Tail(long version, Mono<Void> finished) {}

  private static Document toDocument(String userID, long version,
      Map<Platform, ? extends Map<String, StoredToken>> byPlatform) {
    List<Document> platforms = new ArrayList<>();
    byPlatform.forEach((platform, tokens) -> {
      List<Document> entries = tokens.values().stream()
          .map(token -> new Document("token", token.token())
              .append("state", token.state().code())
              .append("expiresAt", token.expiresAt().getEpochSecond()))
          .toList();
      platforms.add(new Document("platform", platform.referenceName()).append("tokens", entries));
    });
    return new Document("_id", userID).append("version", version).append("platforms", platforms);
  }

  private static SavedTokens fromDocument(Document document) {
    Map<Platform, List<StoredToken>> byPlatform = new EnumMap<>(Platform.class);
    for (Document platformDoc : document.getList("platforms", Document.class, List.of())) {
      Platform.byReferenceName(platformDoc.getString("platform")).ifPresent(platform -> {
        Collection<StoredToken> tokens = byPlatform.computeIfAbsent(platform, p -> new ArrayList<>());
        for (Document token : platformDoc.getList("tokens", Document.class, List.of())) {
          TokenState state = TokenState.of(token.getInteger("state", 0)).orElse(TokenState.INVALID);
          Instant expiresAt = Instant.ofEpochSecond(((Number) token.get("expiresAt")).longValue());
          tokens.add(new StoredToken(token.getString("token"), state, expiresAt));
        }
      });
    }
    return new SavedTokens(document.getString("_id"), ((Number) document.get("version")).longValue(), byPlatform);
  }
}
