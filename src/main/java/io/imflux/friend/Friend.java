package io.imflux.friend;

/**
 * One direction of a friendship: {@code friendUserID} is in {@code ownerUserID}'s friend list. A mutual friendship is
 * two of these, and deleting removes only one (spec/api-friend.md "Data model").
 *
 * @param createTime Unix milliseconds; some routes show it in seconds (spec/dialects.md §5)
 * @param addSource  1 import, 2 accepted request
 */
record Friend(String ownerUserID, String friendUserID, String remark, long createTime, int addSource,
    String operatorUserID, String ex, boolean isPinned) {

  static final int ADD_BY_IMPORT = 1;
  static final int ADD_BY_APPLY = 2;

  static Friend added(String ownerUserID, String friendUserID, int addSource, String operatorUserID, long now) {
    return new Friend(ownerUserID, friendUserID, "", now, addSource, operatorUserID, "", false);
  }
}
