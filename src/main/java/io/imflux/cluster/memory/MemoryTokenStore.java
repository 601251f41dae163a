package io.imflux.cluster.memory;

import io.imflux.api.Platform;
import io.imflux.cluster.TokenState;
import io.imflux.cluster.TokenStore;
import io.imflux.cluster.mongo.TokenBackup;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Standalone token store: an in-memory map (every request checks its token here, so no round trip) that writes
 * each user's tokens through to MongoDB, so a restart keeps every issued token valid. One process owns it.
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
public class MemoryTokenStore implements TokenStore, InitializingBean {

  /** A user's tokens at one version; replaced whole on every change. */
  record UserTokens(long version, Map<Platform, Map<String, StoredToken>> byPlatform) {}

  private final Map<String, UserTokens> users = new ConcurrentHashMap<>();
  private final Map<String, Instant> grace = new ConcurrentHashMap<>();
  private final AtomicLong versions = new AtomicLong();
  private final TokenBackup backup;
  private final Clock clock;

  public MemoryTokenStore(TokenBackup backup, Clock clock) {
    this.backup = backup;
    this.clock = clock;
  }

  /** Loads the tokens kept by the previous run, dropping those whose JWT has expired meanwhile. */
  @Override
  public void afterPropertiesSet() {
    Instant now = clock.instant();
    backup.loadAll().doOnNext(saved -> {
      Map<Platform, Map<String, StoredToken>> live = new EnumMap<>(Platform.class);
      saved.byPlatform().forEach((platform, tokens) -> tokens.forEach(token -> {
        if (token.expiresAt().isAfter(now)) {
          live.computeIfAbsent(platform, p -> new LinkedHashMap<>()).put(token.token(), token);
        }
      }));
      versions.accumulateAndGet(saved.version(), Math::max);
      users.put(saved.userID(), new UserTokens(saved.version(), live));
    }).then().block(Duration.ofSeconds(60));
  }

  @Override
  public Mono<Map<Platform, Collection<StoredToken>>> tokensOf(String userID) {
    return Mono.fromSupplier(() -> {
      UserTokens current = users.get(userID);
      Map<Platform, Collection<StoredToken>> result = new EnumMap<>(Platform.class);
      if (current != null) {
        current.byPlatform().forEach((platform, tokens) -> result.put(platform, java.util.List.copyOf(tokens.values())));
      }
      return result;
    });
  }

  @Override
  public Mono<TokenState> stateOf(String userID, Platform platform, String token) {
    return Mono.fromSupplier(() -> {
      UserTokens current = users.get(userID);
      StoredToken stored = current == null ? null
          : current.byPlatform().getOrDefault(platform, Map.of()).get(token);
      return stored == null ? null : stored.state();
    });
  }

  @Override
  public Mono<Void> apply(String userID, Map<Platform, Collection<String>> removed,
      Map<Platform, Collection<String>> kicked, Platform platform, StoredToken added) {
    return change(userID, tokens -> {
      removed.forEach((p, list) -> list.forEach(token -> remove(tokens, p, token)));
      kicked.forEach((p, list) -> list.forEach(token -> setState(tokens, p, token, TokenState.KICKED)));
      tokens.computeIfAbsent(platform, p -> new LinkedHashMap<>()).put(added.token(), added);
    });
  }

  @Override
  public Mono<Void> kick(String userID, Map<Platform, Collection<String>> tokens) {
    return change(userID, current -> tokens.forEach((platform, list) ->
        list.forEach(token -> setState(current, platform, token, TokenState.KICKED))));
  }

  @Override
  public Mono<Void> kickAll(String userID, Platform platform) {
    return change(userID, tokens -> tokens.getOrDefault(platform, Collections.emptyMap()).replaceAll(
        (token, stored) -> new StoredToken(token, TokenState.KICKED, stored.expiresAt())));
  }

  @Override
  public Mono<Void> keepInGrace(String userID, Platform platform, Collection<String> tokens, Duration period) {
    return Mono.fromRunnable(() -> {
      Instant until = clock.instant().plus(period);
      grace.values().removeIf(expiry -> expiry.isBefore(clock.instant()));
      tokens.forEach(token -> grace.put(graceKey(userID, platform, token), until));
    });
  }

  @Override
  public Mono<Boolean> inGrace(String userID, Platform platform, String token) {
    return Mono.fromSupplier(() -> {
      Instant until = grace.get(graceKey(userID, platform, token));
      return until != null && until.isAfter(clock.instant());
    });
  }

  private Mono<Void> change(String userID, java.util.function.Consumer<Map<Platform, Map<String, StoredToken>>> edit) {
    return Mono.defer(() -> {
      UserTokens updated = users.compute(userID, (id, current) -> {
        Map<Platform, Map<String, StoredToken>> copy = new EnumMap<>(Platform.class);
        if (current != null) {
          current.byPlatform().forEach((p, tokens) -> copy.put(p, new LinkedHashMap<>(tokens)));
        }
        edit.accept(copy);
        copy.values().removeIf(Map::isEmpty);
        return new UserTokens(versions.incrementAndGet(), copy);
      });
      return backup.save(userID, updated.version(), updated.byPlatform());
    });
  }

  private static void remove(Map<Platform, Map<String, StoredToken>> tokens, Platform platform, String token) {
    Map<String, StoredToken> ofPlatform = tokens.get(platform);
    if (ofPlatform != null) {
      ofPlatform.remove(token);
    }
  }

  private static void setState(Map<Platform, Map<String, StoredToken>> tokens, Platform platform, String token,
      TokenState state) {
    Map<String, StoredToken> ofPlatform = tokens.get(platform);
    if (ofPlatform != null) {
      ofPlatform.computeIfPresent(token, (t, stored) -> new StoredToken(t, state, stored.expiresAt()));
    }
  }

  private static String graceKey(String userID, Platform platform, String token) {
    return userID + '\n' + platform.referenceName() + '\n' + token;
  }
}
