package io.imflux.friend;

import io.imflux.sync.ChangeState;
import io.imflux.user.UserProfileListener;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A user's new nickname or face shows in the friend lists and blacklists holding them (spec/api-friend.md
 * §Incremental sync, §22): an update in the friend log of each of the user's friends and in the black log of each
 * user who blocked them, then 1209 to each friend (spec/notifications.md §4.3).
 */
@Component
class FriendProfileListener implements UserProfileListener {

  private final FriendStore friends;
  private final BlackStore blacks;
  private final Friendships friendships;
  private final Blacklists blacklists;
  private final FriendNotifier notifier;

  FriendProfileListener(FriendStore friends, BlackStore blacks, Friendships friendships, Blacklists blacklists,
      FriendNotifier notifier) {
    this.friends = friends;
    this.blacks = blacks;
    this.friendships = friendships;
    this.blacklists = blacklists;
    this.notifier = notifier;
  }

  @Override
  public Mono<Void> onProfileChanged(String opUserID, String userID, boolean nameOrFaceChanged) {
    if (!nameOrFaceChanged) {
      return Mono.empty();
    }
    List<String> changed = List.of(userID);
    return Mono.zip(friends.friendIDs(userID), blacks.blockers(userID)).flatMap(holders -> Flux
        .fromIterable(holders.getT1())
        .concatMap(friendID -> friendships.log().record(friendID, changed, ChangeState.UPDATE))
        .thenMany(Flux.fromIterable(holders.getT2()))
        .concatMap(ownerID -> blacklists.log().record(ownerID, changed, ChangeState.UPDATE))
        .thenMany(Flux.fromIterable(holders.getT1()))
        .concatMap(friendID -> notifier.friendInfoUpdated(opUserID, userID, friendID))
        .then());
  }
}
