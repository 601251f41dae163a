/**
 * The message-management routes of {@code /msg}: revoke, logical and physical deletes, clearing conversations and
 * the admin search (spec/api-msg.md §6, §7, §9).
 */
@NullMarked
package io.imflux.msg.manage;

import org.jspecify.annotations.NullMarked;
