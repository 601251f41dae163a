package io.imflux.friend;

/**
 * {@code blackUserID} is in {@code ownerUserID}'s blacklist; independent of friendship (spec/api-friend.md "Data
 * model"). {@code addSource} is always 0.
 *
 * @param createTime Unix milliseconds; some routes show it in seconds (spec/dialects.md §5)
 */
record Black(String ownerUserID, String blackUserID, long createTime, int addSource, String operatorUserID,
    String ex) {}
