package io.imflux.auth;

import io.imflux.api.Authenticator;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.cluster.TokenState;
import io.imflux.cluster.TokenStore;
import io.imflux.cluster.TokenStore.StoredToken;
import io.imflux.config.ImfluxProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Issues tokens under the multi-login policy and checks them on every request (spec/common.md §4.2, §4.3).
 */
@Service
public class TokenService implements Authenticator {

  private static final Logger log = LoggerFactory.getLogger(TokenService.class);
  /** How long a retired admin token keeps working after a new one is issued. */
  static final Duration ADMIN_GRACE = Duration.ofMinutes(5);

  private final JwtTokens jwt;
  private final TokenStore store;
  private final AdminUsers admins;
  private final Dialect dialect;
  private final Clock clock;
  private final Duration lifetime;
  private final int policy;
  private final int maxPerPlatform;

  public TokenService(JwtTokens jwt, TokenStore store, AdminUsers admins, Dialect dialect, Clock clock,
      ImfluxProperties properties) {
    this.jwt = jwt;
    this.store = store;
    this.admins = admins;
    this.dialect = dialect;
    this.clock = clock;
    this.lifetime = properties.token().expire();
    this.policy = properties.multiLogin().policy();
    this.maxPerPlatform = properties.multiLogin().maxNumOneEnd();
    if (!LoginPolicy.isKnown(policy)) {
      log.error("imflux.multi-login.policy {} is unknown: issuing tokens will fail (use 0, 1, 4 or 5)", policy);
    }
  }

  /** The lifetime of issued tokens in seconds, as token-issuing routes report it. */
  public long lifetimeSeconds() {
    return lifetime.toSeconds();
  }

  /** Issues a token for the user on the platform, retiring and kicking other tokens as the policy says. */
  public Mono<String> issue(String userID, Platform platform) {
    return store.tokensOf(userID).flatMap(existing -> {
      Map<Platform, Collection<String>> removed = new EnumMap<>(Platform.class);
      Map<Platform, List<String>> valid = new EnumMap<>(Platform.class);
      List<String> adminTokens = new ArrayList<>();
      existing.forEach((p, tokens) -> tokens.forEach(stored -> {
        if (stored.state() != TokenState.NORMAL || !jwt.isValid(stored.token())) {
          removed.computeIfAbsent(p, x -> new ArrayList<>()).add(stored.token());
        } else if (p == Platform.ADMIN) {
          adminTokens.add(stored.token());
        } else {
          valid.computeIfAbsent(p, x -> new ArrayList<>()).add(stored.token());
        }
      }));
      Map<Platform, List<String>> kicked = LoginPolicy.kicks(policy, maxPerPlatform, valid, platform);
      Mono<Void> retireAdmins = Mono.empty();
      if (platform == Platform.ADMIN && !adminTokens.isEmpty()) {
        removed.computeIfAbsent(Platform.ADMIN, x -> new ArrayList<>()).addAll(adminTokens);
        retireAdmins = store.keepInGrace(userID, Platform.ADMIN, adminTokens, ADMIN_GRACE);
      }
      Instant expiresAt = clock.instant().plus(lifetime);
      String token = jwt.sign(userID, dialect.platformId(platform), expiresAt);
      Map<Platform, Collection<String>> kickedTokens = new EnumMap<>(kicked);
      return retireAdmins
          .then(store.apply(userID, removed, kickedTokens, platform,
              new StoredToken(token, TokenState.NORMAL, expiresAt)))
          .thenReturn(token);
    });
  }

  /** Verifies a token fully: the JWT, then its state in the store. */
  public Mono<TokenClaims> verify(String token) {
    return Mono.fromCallable(() -> jwt.verify(token)).flatMap(claims -> {
      Platform platform = dialect.platform(claims.platformID())
          .orElseThrow(() -> new ImError(ErrorKind.TOKEN_UNKNOWN, "unknown platformID in token"));
      return store.stateOf(claims.userID(), platform, token)
          .map(state -> switch (state) {
            case NORMAL -> claims;
            case KICKED -> throw new ImError(ErrorKind.TOKEN_KICKED, "token has been kicked");
            default -> throw new ImError(ErrorKind.TOKEN_UNKNOWN, "token state " + state.code());
          })
          .switchIfEmpty(Mono.defer(() -> admins.isAdmin(claims.userID())
              ? store.inGrace(claims.userID(), platform, token).flatMap(inGrace -> inGrace
                  ? Mono.just(claims)
                  : Mono.error(notExist()))
              : Mono.error(notExist())));
    });
  }

  @Override
  public Mono<Operator> authenticate(String token) {
    return verify(token).map(claims -> new Operator(claims.userID(),
        dialect.platform(claims.platformID()).orElseThrow(), admins.isAdmin(claims.userID())));
  }

  /** Kicks exactly these tokens (spec/gateway.md §15, policy 4). */
  public Mono<Void> kick(String userID, Map<Platform, Collection<String>> tokens) {
    return tokens.isEmpty() ? Mono.empty() : store.kick(userID, tokens);
  }

  /**
   * Kicks every token of the user on the platform except {@code kept}, the token of a connection that just logged in
   * (spec/gateway.md §15, policies 1 and 5): an older client that reconnects then gets 1506.
   */
  public Mono<Void> kickAllExcept(String userID, Platform platform, String kept) {
    return store.tokensOf(userID).flatMap(all -> {
      List<String> others = new ArrayList<>();
      all.getOrDefault(platform, List.of()).forEach(stored -> {
        if (!stored.token().equals(kept) && stored.state() != TokenState.KICKED) {
          others.add(stored.token());
        }
      });
      return kick(userID, others.isEmpty() ? Map.of() : Map.<Platform, Collection<String>>of(platform, others));
    });
  }

  /** Kicks every token of the user on the platform. */
  public Mono<Void> kickAll(String userID, Platform platform) {
    return store.kickAll(userID, platform);
  }

  private static ImError notExist() {
    return new ImError(ErrorKind.TOKEN_NOT_EXIST, "token does not exist");
  }
}
