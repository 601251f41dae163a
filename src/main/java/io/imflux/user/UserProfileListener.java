package io.imflux.user;

import reactor.core.publisher.Mono;

/**
 * Told after a user's profile was saved (spec/api-auth-user.md §6-§8). This is where the features that show a user's
 * profile plug in: friends record the change in each friend's and blacklist owner's version log and send 1209 to
 * every friend, groups record it for memberships without their own nickname or face (§6 "Notifications/side
 * effects", spec/notifications.md). Implement it as a Spring bean; {@link UserProfileService} calls every one.
 *
 * <p>The change is already stored when this runs: a failure here is logged and retried, and never reported to the
 * client (our decision, §6).
 */
public interface UserProfileListener {

  /**
   * @param opUserID          who made the change (1209 is sent from the operator to each friend)
   * @param userID            whose profile changed
   * @param nameOrFaceChanged whether the nickname or face URL actually changed; the friend and group fan-out runs
   *                          only then, other listeners (caches) may care about any change
   */
  Mono<Void> onProfileChanged(String opUserID, String userID, boolean nameOrFaceChanged);
}
