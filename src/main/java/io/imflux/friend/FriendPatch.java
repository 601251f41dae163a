package io.imflux.friend;

import org.jspecify.annotations.Nullable;

/** The fields {@code /friend/update_friends} sets; null = leave as it is (spec/api-friend.md §11). */
record FriendPatch(@Nullable Boolean isPinned, @Nullable String remark, @Nullable String ex) {

  boolean isEmpty() {
    return isPinned == null && remark == null && ex == null;
  }
}
