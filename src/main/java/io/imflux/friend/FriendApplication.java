package io.imflux.friend;

/**
 * A stored friend request from {@code fromUserID} to {@code toUserID}; one per direction, reset to pending when the
 * applicant applies again (spec/api-friend.md "Data model"). Times are Unix milliseconds, 0 while never handled.
 *
 * @param handleResult {@link #PENDING}, {@link #AGREED} or {@link #REFUSED}
 */
record FriendApplication(String fromUserID, String toUserID, int handleResult, String reqMsg, long createTime,
    String handlerUserID, String handleMsg, long handleTime, String ex) {

  static final int PENDING = 0;
  static final int AGREED = 1;
  static final int REFUSED = -1;

  boolean isPending() {
    return handleResult == PENDING;
  }
}
