package io.imflux.cluster;

import reactor.core.publisher.Mono;

/**
 * Per-conversation seq counters and per-user seqs (spec/pipeline.md §7). Seqs are dense from 1: a counter resumes
 * after a restart from the highest stored seq, so a seq that was stored is never handed out again.
 */
public interface SeqAllocator {

  /** A conversation's counters: the highest seq handed out, the seq below which nothing is visible, the time (ms) of the
   * last allocation (0 right after a reload). */
  record ConversationSeq(long maxSeq, long minSeq, long maxSeqTime) {}

  /** A user's seqs in one conversation: lower and upper visibility bounds (0 = none) and the read position. */
  record UserSeq(long minSeq, long maxSeq, long readSeq) {}

  /**
   * Hands out {@code count} new seqs and returns the seq before them ({@code lastSeq}): the new seqs are
   * {@code lastSeq + 1 .. lastSeq + count}. Called only by the conversation's sequencer, on its own thread; may block.
   */
  long allocate(String conversationID, int count);

  /**
   * Takes back seqs from {@link #allocate} that were never stored (the write failed), so the next allocation hands
   * them out again and seqs stay dense. Sequencer threads only.
   */
  void release(String conversationID, long lastSeq, int count);

  Mono<ConversationSeq> conversation(String conversationID);

  /** Raises the conversation's min seq (clear for everyone, physical clean-up); never lowers it. */
  Mono<Void> raiseMinSeq(String conversationID, long minSeq);

  Mono<UserSeq> user(String userID, String conversationID);

  Mono<Void> setUserMinSeq(String userID, String conversationID, long minSeq);

  Mono<Void> setUserMaxSeq(String userID, String conversationID, long maxSeq);

  /** Raises the read seq when {@code readSeq} is higher; returns the read seq in force afterwards. */
  Mono<Long> raiseReadSeq(String userID, String conversationID, long readSeq);

  /** Sets the read seq even when that lowers it (the clear routes, spec/api-msg.md §9.1). */
  Mono<Void> setReadSeq(String userID, String conversationID, long readSeq);
}
