/**
 * Conversation records: the {@code /conversation/*} routes (spec/api-conversation.md), their notifications (1300,
 * 1701), the owners' version logs, the records the message pipeline creates and re-creates, what group membership
 * does to them ({@link io.imflux.conversation.GroupConversations}), and the periodic message destruct.
 */
@NullMarked
package io.imflux.conversation;

import org.jspecify.annotations.NullMarked;
