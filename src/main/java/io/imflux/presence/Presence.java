package io.imflux.presence;

import io.imflux.api.Platform;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Which users are online on which platforms, and who follows whose online status (ARCHITECTURE §1, spec/gateway.md
 * §17). The gateway registers and unregisters connections; the user routes read them. Subscriptions here are the
 * user-level ones of {@code /user/subscribe_users_status}: they outlive connections, unlike a connection's own
 * 2005 subscriptions, which the gateway keeps per connection.
 */
public interface Presence {

  /** Records a connection; one with the same {@code connID} for the user is replaced (how a 2004 is recorded). */
  Mono<Void> register(Connection connection);

  /** Forgets a connection; completes without effect when it is not registered. */
  Mono<Void> unregister(String userID, String connID);

  /** The connections of each of {@code userIDs} that has any; offline users are absent from the map. */
  Mono<Map<String, List<Connection>>> connections(Collection<String> userIDs);

  /** The platforms each of {@code userIDs} is online on; offline users are absent from the map. */
  Mono<Map<String, Set<Platform>>> onlinePlatforms(Collection<String> userIDs);

  /** Makes {@code subscriberID} follow the online status of {@code userIDs} (already followed ones stay). */
  Mono<Void> subscribe(String subscriberID, Collection<String> userIDs);

  /** Stops {@code subscriberID} following {@code userIDs}; IDs it does not follow are ignored. */
  Mono<Void> unsubscribe(String subscriberID, Collection<String> userIDs);

  /** The users {@code subscriberID} follows, ordered by user ID. */
  Mono<List<String>> subscriptions(String subscriberID);

  /** The users following {@code userID}: whose connections get a 2005 push when its platforms change. */
  Mono<Set<String>> subscribers(String userID);
}
