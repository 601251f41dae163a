package io.imflux.friend;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.user.UserStore;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import reactor.core.publisher.Mono;

/** The argument rules the friend routes share; each failure is a 1001 with the reference's {@code errDlt} text. */
final class FriendChecks {

  /** The reference's {@code ParamMaxLength} (spec/common.md §6.5). */
  static final int MAX_IDS = 1000;

  private FriendChecks() {}

  static void require(boolean valid, String detail) {
    if (!valid) {
      throw ImError.args(detail);
    }
  }

  static void requireDistinct(List<String> ids, String detail) {
    Set<String> seen = new HashSet<>(ids.size() * 2);
    for (String id : ids) {
      require(seen.add(id), detail);
    }
  }

  /**
   * Every listed user exists, as the reference checks it: the number of users found must equal the length of the
   * list, so a list naming a user twice also fails with "user not found" (spec/api-friend.md §12, reference quirk).
   */
  static Mono<Void> requireUsers(UserStore users, List<String> userIDs) {
    return users.existingIDs(userIDs).count().flatMap(found -> found == userIDs.size()
        ? Mono.empty()
        : Mono.error(new ImError(ErrorKind.USER_NOT_FOUND, "user not found")));
  }
}
