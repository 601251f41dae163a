package io.imflux.msg.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which seqs a single-chat {@code mark_conversation_as_read} makes read (spec/api-msg.md §8.2). */
class SeqsToMarkTest {

  @Test
  void theUnreadRangeComesFirstThenTheListedSeqsNotInIt() {
    assertThat(MarkReadService.seqsToMark(2, 5, List.of(9L, 4L, 1L))).containsExactly(3L, 4L, 5L, 9L, 1L);
  }

  @Test
  void nothingIsUnreadWhenTheReadSeqIsAlreadyThere() {
    assertThat(MarkReadService.seqsToMark(5, 3, List.of())).isEmpty();
  }

  @Test
  void aSeqIsListedOnce() {
    assertThat(MarkReadService.seqsToMark(0, 2, List.of(2L, 2L, 7L, 7L))).containsExactly(1L, 2L, 7L);
  }
}
