package io.imflux.presence;

import io.imflux.api.Platform;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link Presence} of one standalone process: the connections this process's gateway holds, and the user-level
 * subscriptions, in memory. Nothing survives a restart, as no connection does.
 */
@Component
@ConditionalOnProperty(prefix = "imflux", name = "mode", havingValue = "standalone", matchIfMissing = true)
public class LocalPresence implements Presence {

  /** userID -> connID -> connection; each inner map is immutable and swapped whole, so readers never lock. */
  private final Map<String, Map<String, Connection>> byUser = new ConcurrentHashMap<>();

  /** subscriber -> followed users, and its reverse index; both change together under {@link #subscriptionLock}. */
  private final Map<String, SortedSet<String>> following = new ConcurrentHashMap<>();
  private final Map<String, SortedSet<String>> followers = new ConcurrentHashMap<>();
  private final Object subscriptionLock = new Object();

  @Override
  public Mono<Void> register(Connection connection) {
    return Mono.fromRunnable(() -> byUser.compute(connection.userID(), (userID, current) -> {
      Map<String, Connection> next = current == null ? new LinkedHashMap<>() : new LinkedHashMap<>(current);
      next.put(connection.connID(), connection);
      return Collections.unmodifiableMap(next);
    }));
  }

  @Override
  public Mono<Void> unregister(String userID, String connID) {
    return Mono.fromRunnable(() -> byUser.computeIfPresent(userID, (id, current) -> {
      if (!current.containsKey(connID)) {
        return current;
      }
      Map<String, Connection> next = new LinkedHashMap<>(current);
      next.remove(connID);
      return next.isEmpty() ? null : Collections.unmodifiableMap(next);
    }));
  }

  @Override
  public Mono<Map<String, List<Connection>>> connections(Collection<String> userIDs) {
    return Mono.fromSupplier(() -> {
      Map<String, List<Connection>> result = new LinkedHashMap<>();
      for (String userID : userIDs) {
        Map<String, Connection> current = byUser.get(userID);
        if (current != null) {
          result.put(userID, List.copyOf(current.values()));
        }
      }
      return result;
    });
  }

  @Override
  public Mono<Map<String, Set<Platform>>> onlinePlatforms(Collection<String> userIDs) {
    return connections(userIDs).map(connections -> {
      Map<String, Set<Platform>> result = new LinkedHashMap<>();
      connections.forEach((userID, list) -> {
        Set<Platform> platforms = EnumSet.noneOf(Platform.class);
        list.forEach(connection -> platforms.add(connection.platform()));
        result.put(userID, Collections.unmodifiableSet(platforms));
      });
      return result;
    });
  }

  @Override
  public Mono<Void> subscribe(String subscriberID, Collection<String> userIDs) {
    return Mono.fromRunnable(() -> {
      synchronized (subscriptionLock) {
        update(following, subscriberID, set -> set.addAll(userIDs));
        userIDs.forEach(userID -> update(followers, userID, set -> set.add(subscriberID)));
      }
    });
  }

  @Override
  public Mono<Void> unsubscribe(String subscriberID, Collection<String> userIDs) {
    return Mono.fromRunnable(() -> {
      synchronized (subscriptionLock) {
        update(following, subscriberID, set -> set.removeAll(userIDs));
        userIDs.forEach(userID -> update(followers, userID, set -> set.remove(subscriberID)));
      }
    });
  }

  @Override
  public Mono<List<String>> subscriptions(String subscriberID) {
    return Mono.fromSupplier(() -> List.copyOf(following.getOrDefault(subscriberID, Collections.emptySortedSet())));
  }

  @Override
  public Mono<Set<String>> subscribers(String userID) {
    return Mono.fromSupplier(() -> Set.copyOf(followers.getOrDefault(userID, Collections.emptySortedSet())));
  }

  /** Replaces {@code key}'s set with a changed copy, dropping the key when the set becomes empty. */
  private static void update(Map<String, SortedSet<String>> index, String key, Consumer<SortedSet<String>> change) {
    index.compute(key, (k, current) -> {
      SortedSet<String> next = current == null ? new TreeSet<>() : new TreeSet<>(current);
      change.accept(next);
      return next.isEmpty() ? null : Collections.unmodifiableSortedSet(next);
    });
  }
}
