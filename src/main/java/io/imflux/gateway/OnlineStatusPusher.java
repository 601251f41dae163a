package io.imflux.gateway;

import io.imflux.api.Dialect;
import io.imflux.api.ImError;
import io.imflux.api.Platform;
import io.imflux.gateway.SessionRegistry.Change;
import io.imflux.gateway.codec.Resp;
import io.imflux.presence.Presence;
import io.imflux.proto.sdkws.SubUserOnlineStatus;
import io.imflux.proto.sdkws.SubUserOnlineStatusElem;
import io.imflux.proto.sdkws.SubUserOnlineStatusTips;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Online-status subscriptions and their 2005 pushes (spec/gateway.md §12.3, §17): a connection's own subscriptions
 * (request 2005, dropped with the connection) and the user-level ones of {@code /user/subscribe_users_status}
 * (kept by {@link Presence}, delivered to every connection of the subscriber). Whenever a user's set of online
 * platforms changes, each subscribed connection gets one 2005 frame.
 */
@Component
class OnlineStatusPusher {

  private final SessionRegistry registry;
  private final Presence presence;
  private final Dialect dialect;
  private final GatewayMetrics metrics;
  private final int maxSubscriptions;
  /** followed userID -> the connections that subscribed to it with 2005. */
  private final Map<String, Set<Session>> followers = new ConcurrentHashMap<>();

  OnlineStatusPusher(SessionRegistry registry, Presence presence, Dialect dialect, GatewayMetrics metrics,
      GatewayProperties properties) {
    this.registry = registry;
    this.presence = presence;
    this.dialect = dialect;
    this.metrics = metrics;
    this.maxSubscriptions = properties.maxSubscriptions();
  }

  /**
   * Request 2005: adds and removes this connection's subscriptions, and answers the current platforms of each user
   * it asked to follow, in request order.
   */
  Mono<SubUserOnlineStatusTips> subscribe(Session session, SubUserOnlineStatus request) {
    return Mono.defer(() -> {
      if (session.subscriptionCount() + request.getSubscribeUserIDCount() > maxSubscriptions) {
        throw ImError.args("a connection can follow at most " + maxSubscriptions + " users");
      }
      Set<String> added = new LinkedHashSet<>();
      Set<String> removed = new LinkedHashSet<>();
      session.subscribe(request.getSubscribeUserIDList(), request.getUnsubscribeUserIDList(), added, removed);
      added.forEach(userID -> followers.compute(userID, (id, sessions) -> {
        Set<Session> next = sessions == null ? ConcurrentHashMap.newKeySet() : sessions;
        next.add(session);
        return next;
      }));
      removed.forEach(userID -> unfollow(userID, session));
      if (request.getSubscribeUserIDCount() == 0) {
        return Mono.just(SubUserOnlineStatusTips.getDefaultInstance());
      }
      return presence.onlinePlatforms(request.getSubscribeUserIDList()).map(online -> {
        SubUserOnlineStatusTips.Builder tips = SubUserOnlineStatusTips.newBuilder();
        request.getSubscribeUserIDList().forEach(userID ->
            tips.addSubscribers(element(userID, online.getOrDefault(userID, Set.of()))));
        return tips.build();
      });
    });
  }

  /** Drops a closed connection's subscriptions. */
  void forget(Session session) {
    session.clearSubscriptions().forEach(userID -> unfollow(userID, session));
  }

  /** Tells every subscriber of the user its new set of platforms; nothing when the set did not change. */
  Mono<Void> changed(Change change) {
    if (!change.platformsChanged()) {
      return Mono.empty();
    }
    return presence.subscribers(change.userID()).doOnNext(users -> push(change, users)).then();
  }

  private void push(Change change, Set<String> userLevelSubscribers) {
    Set<Session> targets = new LinkedHashSet<>(followers.getOrDefault(change.userID(), Set.of()));
    userLevelSubscribers.forEach(userID -> targets.addAll(Arrays.asList(registry.sessions(userID))));
    if (targets.isEmpty()) {
      return;
    }
    SubUserOnlineStatusTips tips = SubUserOnlineStatusTips.newBuilder()
        .addSubscribers(element(change.userID(), change.platforms()))
        .build();
    PushFrames frames = new PushFrames(Resp.push(RequestIds.SUB_USER_ONLINE_STATUS, "", tips.toByteArray()));
    targets.forEach(session -> {
      if (!session.push(frames.frame(session.format)) && session.isOpen()) {
        metrics.pushDropped();
      }
    });
  }

  private SubUserOnlineStatusElem element(String userID, Collection<Platform> platforms) {
    return SubUserOnlineStatusElem.newBuilder()
        .setUserID(userID)
        .addAllOnlinePlatformIDs(platforms.stream().map(dialect::platformId).sorted().toList())
        .build();
  }

  private void unfollow(String userID, Session session) {
    followers.computeIfPresent(userID, (id, sessions) -> {
      sessions.remove(session);
      return sessions.isEmpty() ? null : sessions;
    });
  }
}
