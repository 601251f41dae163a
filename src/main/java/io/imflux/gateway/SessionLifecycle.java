package io.imflux.gateway;

import io.imflux.api.Platform;
import io.imflux.auth.LogoutListener;
import io.imflux.auth.TokenService;
import io.imflux.config.ImfluxProperties;
import io.imflux.gateway.SessionRegistry.Change;
import io.imflux.presence.Presence;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What opening and closing a connection sets off: the multi-login kicks and token invalidation (spec/gateway.md §15),
 * presence for the online-status routes, 2005 pushes to subscribers (§17), kicks by force logout (§12.2), and the
 * sweep that closes connections whose writes stalled (§13).
 */
@Component
class SessionLifecycle implements LogoutListener, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);
  private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

  private final SessionRegistry registry;
  private final Presence presence;
  private final TokenService tokens;
  private final OnlineStatusPusher status;
  private final int policy;
  private final long writeTimeoutNanos;
  private final Disposable sweeper;

  SessionLifecycle(SessionRegistry registry, Presence presence, TokenService tokens, OnlineStatusPusher status,
      ImfluxProperties imflux, GatewayProperties properties, GatewayMetrics metrics) {
    this.registry = registry;
    this.presence = presence;
    this.tokens = tokens;
    this.status = status;
    this.policy = imflux.multiLogin().policy();
    this.writeTimeoutNanos = properties.writeTimeout().toNanos();
    metrics.connections(registry::count);
    this.sweeper = Flux.interval(SWEEP_INTERVAL, SWEEP_INTERVAL, Schedulers.parallel())
        .subscribe(tick -> sweep());
  }

  /**
   * Registers a new connection, kicking what the login policy says; completes once presence reports it. Never fails:
   * a connection is served even when presence or the token store could not be told.
   */
  Mono<Void> open(Session session) {
    return Mono.defer(() -> {
      SessionRegistry.Opened opened = registry.open(session, policy);
      List<Session> kicked = opened.kicks().kicked();
      kicked.forEach(old -> {
        log.debug("{} kicked by a new login of {}", old, session);
        old.markDetached();
        old.kick();
        status.forget(old);
      });
      Mono<Void> unregisterKicked = Flux.fromIterable(kicked)
          .concatMap(old -> presence.unregister(old.userID, old.connID))
          .then();
      return unregisterKicked
          .then(presence.register(session.connection()))
          .then(invalidate(session, opened.kicks()))
          .then(status.changed(opened.change()));
    }).onErrorResume(error -> {
      log.warn("registering {} failed", session, error);
      return Mono.empty();
    });
  }

  /** The channel closed: forget the connection everywhere, unless a kick already did. */
  void closed(Session session) {
    session.closed();
    status.forget(session);
    if (!session.markDetached()) {
      return;
    }
    Change change = registry.remove(session);
    Mono<Void> gone = presence.unregister(session.userID, session.connID);
    if (change != null) {
      gone = gone.then(status.changed(change));
    }
    gone.subscribe(null, error -> log.warn("forgetting {} failed", session, error));
  }

  /** Request 2004: the connection's background flag, as presence reports it. */
  Mono<Void> background(Session session, boolean background) {
    session.background(background);
    return presence.register(session.connection());
  }

  /** Force logout (spec/api-auth-user.md §4): every connection of the user on the platform gets 2002 and closes. */
  @Override
  public Mono<Void> onForcedLogout(String userID, Platform platform) {
    return Mono.defer(() -> {
      SessionRegistry.Removed removed = registry.removePlatform(userID, platform);
      removed.sessions().forEach(session -> {
        log.debug("{} kicked by a forced logout", session);
        session.markDetached();
        session.kick();
        status.forget(session);
      });
      Mono<Void> gone = Flux.fromIterable(removed.sessions())
          .concatMap(session -> presence.unregister(session.userID, session.connID))
          .then();
      return removed.change() == null ? gone : gone.then(status.changed(removed.change()));
    });
  }

  private Mono<Void> invalidate(Session session, LoginKicks.Decision<Session> kicks) {
    Mono<Void> invalidation = switch (kicks.invalidation()) {
      case NONE -> Mono.empty();
      case PLATFORM_EXCEPT_NEW -> tokens.kickAllExcept(session.userID, session.platform, session.token);
      case KICKED_TOKENS -> {
        Map<Platform, Collection<String>> kickedTokens = new EnumMap<>(Platform.class);
        kicks.kicked().forEach(old ->
            kickedTokens.computeIfAbsent(old.platform, p -> new ArrayList<>()).add(old.token));
        yield tokens.kick(session.userID, kickedTokens);
      }
    };
    return invalidation.onErrorResume(error -> {
      log.warn("invalidating tokens after {} logged in failed", session, error);
      return Mono.empty();
    });
  }

  private void sweep() {
    long now = System.nanoTime();
    registry.forEach(session -> {
      if (session.closeIfStalled(now, writeTimeoutNanos)) {
        log.info("{} closed: writes stalled for more than {} ms", session, writeTimeoutNanos / 1_000_000);
      }
    });
  }

  /** Shutdown: every connection is closed. */
  @Override
  public void destroy() {
    sweeper.dispose();
    registry.forEach(Session::close);
  }
}
