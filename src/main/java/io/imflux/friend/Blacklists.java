package io.imflux.friend;

import io.imflux.sync.ChangeState;
import io.imflux.sync.VersionLog;
import io.imflux.sync.VersionLogs;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Blacklist changes together with their version log (spec/api-friend.md §22, an imflux addition): the row first,
 * then the owner's log. An insert whose log write fails is taken back; a removal logs on every call.
 */
@Component
class Blacklists {

  private final BlackStore store;
  private final VersionLog versions;

  Blacklists(BlackStore store, VersionLogs logs) {
    this.store = store;
    this.versions = logs.of("black");
  }

  /** The black version log: owner = the user whose blacklist it is, elements = blocked user IDs. */
  VersionLog log() {
    return versions;
  }

  /** Adds the row and logs the insert; answers false, writing nothing, when the user is blocked already (§18). */
  Mono<Boolean> block(Black black) {
    return store.create(black).flatMap(created -> !created
        ? Mono.just(false)
        : versions.record(black.ownerUserID(), List.of(black.blackUserID()), ChangeState.INSERT)
            .thenReturn(true)
            .onErrorResume(error -> store.delete(black.ownerUserID(), black.blackUserID())
                .onErrorResume(undo -> Mono.empty())
                .then(Mono.error(error))));
  }

  /** Deletes the row, if any, and logs the delete (§19). */
  Mono<Void> unblock(String ownerUserID, String blackUserID) {
    return store.delete(ownerUserID, blackUserID)
        .then(versions.record(ownerUserID, List.of(blackUserID), ChangeState.DELETE))
        .then();
  }
}
