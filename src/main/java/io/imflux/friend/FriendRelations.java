package io.imflux.friend;

import reactor.core.publisher.Mono;

/** What the send path needs to know about relations (spec/api-msg.md §11.4). The friends feature owns this data. */
public interface FriendRelations {

  /** Whether {@code ownerUserID} has {@code blockedUserID} in their blacklist. */
  Mono<Boolean> isBlocked(String ownerUserID, String blockedUserID);

  /** Whether {@code friendUserID} is in {@code ownerUserID}'s friend list. */
  Mono<Boolean> isFriend(String ownerUserID, String friendUserID);
}
