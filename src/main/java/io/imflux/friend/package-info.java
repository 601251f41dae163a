/**
 * Friends, friend requests and blacklists: the {@code /friend/*} routes (spec/api-friend.md), their notifications
 * (spec/notifications.md §4.3), their version logs, and the {@link io.imflux.friend.FriendRelations} read port the
 * send path asks.
 */
@NullMarked
package io.imflux.friend;

import org.jspecify.annotations.NullMarked;
