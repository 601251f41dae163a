package io.imflux.cluster.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
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
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The durable copy of the standalone token store: collection {@code token}, one document per user
 * ({@code _id} = userID) with a version, so a slower write of an older state never overwrites a newer one.
 */
@Component
public class TokenBackup {

  /** What a previous run saved for one user. */
  public record SavedTokens(String userID, long version, Map<Platform, List<StoredToken>> byPlatform) {}

  private final MongoCollection<Document> collection;

  public TokenBackup(MongoDatabase database) {
    this.collection = database.getCollection("token");
  }

  public Flux<SavedTokens> loadAll() {
    return Flux.from(collection.find()).map(TokenBackup::fromDocument);
  }

  public Mono<Void> save(String userID, long version, Map<Platform, ? extends Map<String, StoredToken>> byPlatform) {
    List<Document> platforms = new ArrayList<>();
    byPlatform.forEach((platform, tokens) -> {
      List<Document> entries = tokens.values().stream()
          .map(token -> new Document("token", token.token())
              .append("state", token.state().code())
              .append("expiresAt", token.expiresAt().getEpochSecond()))
          .toList();
      platforms.add(new Document("platform", platform.referenceName()).append("tokens", entries));
    });
    Document document = new Document("_id", userID).append("version", version).append("platforms", platforms);
    return Mono.from(collection.replaceOne(
            Filters.and(Filters.eq("_id", userID), Filters.lt("version", version)), document,
            new ReplaceOptions().upsert(true)))
        .onErrorResume(MongoWriteException.class, e ->
            // A newer version is stored already: the upsert's insert collides with it, and that is the goal.
            e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY ? Mono.empty() : Mono.error(e))
        .then();
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
