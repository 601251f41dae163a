package io.imflux.friend;

import io.imflux.sync.ChangeState;
import io.imflux.sync.VersionLog;
import io.imflux.sync.VersionLogs;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Friend-list changes together with their version log (spec/api-friend.md §Incremental sync): the rows first, then
 * the owners' logs, so a client never syncs a version whose rows are missing. A creation whose log write fails is
 * taken back; deletes and updates log on every call, so repeating a failed one repairs the log.
 */
@Component
class Friendships {

  private static final Logger log = LoggerFactory.getLogger(Friendships.class);

  private final FriendStore store;
  private final VersionLog versions;

  Friendships(FriendStore store, VersionLogs logs) {
    this.store = store;
    this.versions = logs.of("friend");
  }

  /** The friend version log: owner = the user whose friend list it is, elements = friend user IDs. */
  VersionLog log() {
    return versions;
  }

  /** Creates the rows of {@code wanted} that do not exist and logs each as an insert; answers the created rows. */
  Mono<List<Friend>> befriend(List<Friend> wanted) {
    return store.createMissing(wanted).flatMap(created -> Flux
        .fromIterable(RelationDocuments.groupBy(created, Friend::ownerUserID).entrySet())
        .concatMap(owner -> versions.record(owner.getKey(), ids(owner.getValue()), ChangeState.INSERT))
        .then(Mono.just(created))
        .onErrorResume(error -> store.deleteAll(created)
            .onErrorResume(undo -> {
              log.error("friend rows {} kept without their version log entries", created, undo);
              return Mono.empty();
            })
            .then(Mono.error(error))));
  }

  /** Deletes owner → friend and logs the delete, also when they were not friends (§7). */
  Mono<Void> unfriend(String ownerUserID, String friendUserID) {
    return store.delete(ownerUserID, friendUserID)
        .then(versions.record(ownerUserID, List.of(friendUserID), ChangeState.DELETE))
        .then();
  }

  /**
   * Applies the patch to the listed rows and logs an update of every listed ID, plus the sort marker when pinning
   * changed the order (§11); an empty patch writes nothing.
   */
  Mono<Void> update(String ownerUserID, List<String> friendUserIDs, FriendPatch patch) {
    if (patch.isEmpty()) {
      return Mono.empty();
    }
    List<String> logged = new ArrayList<>(friendUserIDs.size() + 1);
    if (patch.isPinned() != null) {
      logged.add(VersionLog.SORT_MARKER);
    }
    logged.addAll(friendUserIDs);
    return store.update(ownerUserID, friendUserIDs, patch)
        .then(versions.record(ownerUserID, logged, ChangeState.UPDATE))
        .then();
  }

  private static List<String> ids(List<Friend> friends) {
    return friends.stream().map(Friend::friendUserID).toList();
  }
}
