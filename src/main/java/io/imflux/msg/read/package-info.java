/**
 * The seq, pull and read-state routes of {@code /msg} (spec/api-msg.md §5, §8): newest seqs, range pulls, read seqs
 * and the HasReadReceipt notifications they send; and the gateway-only reads behind WebSocket 1005 (explicit seqs) and
 * 1007 (last messages). The gateway calls these services too, so HTTP and WebSocket answer alike.
 */
@NullMarked
package io.imflux.msg.read;

import org.jspecify.annotations.NullMarked;
