package io.imflux.cluster;

import io.imflux.api.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Issued tokens and their state, per user and platform (spec/common.md §4.2). A token is accepted only while it is
 * here with state NORMAL, so a kick takes effect on the very next request.
 */
public interface TokenStore {

  /** One token with its state and the moment its JWT expires (after which the store may forget it). */
  record StoredToken(String token, TokenState state, Instant expiresAt) {}

  /** All tokens of a user, per platform, oldest first within a platform. */
  Mono<Map<Platform, Collection<StoredToken>>> tokensOf(String userID);

  /** The state of one token; empty when the store does not know it. */
  Mono<TokenState> stateOf(String userID, Platform platform, String token);

  /**
   * Applies one issuance's changes to a user's tokens together: drop {@code removed}, set {@code kicked} to
   * KICKED, then add {@code added} (state NORMAL).
   */
  Mono<Void> apply(String userID, Map<Platform, Collection<String>> removed, Map<Platform, Collection<String>> kicked,
      Platform platform, StoredToken added);

  /** Marks the listed tokens KICKED (a newer login's connection kicked theirs); unknown tokens are ignored. */
  Mono<Void> kick(String userID, Map<Platform, Collection<String>> tokens);

  /** Marks every token of the user on that platform KICKED (force logout). */
  Mono<Void> kickAll(String userID, Platform platform);

  /** Keeps tokens valid for {@code grace} after they left the store (retired admin tokens). */
  Mono<Void> keepInGrace(String userID, Platform platform, Collection<String> tokens, Duration grace);

  Mono<Boolean> inGrace(String userID, Platform platform, String token);
}
