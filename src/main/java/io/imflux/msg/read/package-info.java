/**
 * The seq, pull and read-state routes of {@code /msg} (spec/api-msg.md §5, §8): newest seqs, range pulls, read seqs
 * and the HasReadReceipt notifications they send.
 */
@NullMarked
package io.imflux.msg.read;

import org.jspecify.annotations.NullMarked;
