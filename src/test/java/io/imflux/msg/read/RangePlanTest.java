package io.imflux.msg.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.MessageReader.Window;
import io.imflux.proto.sdkws.SeqRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How one range of a pull is clamped, limited and judged finished (spec/api-msg.md §5.2). */
class RangePlanTest {

  static final Window ONE_TO_TEN = new Window(1, 10, 10);

  static SeqRange range(long begin, long end, long num) {
    return SeqRange.newBuilder().setConversationID("si_a_b").setBegin(begin).setEnd(end).setNum(num).build();
  }

  @Test
  void aRangeWithinNumIsReadWhole() {
    assertThat(RangePlan.chat(range(3, 6, 4), ONE_TO_TEN, RangePlan.ORDER_ASC).seqs()).containsExactly(3L, 4L, 5L, 6L);
  }

  @Test
  void aLongerRangeYieldsOnlyItsNewestNum() {
    assertThat(RangePlan.chat(range(1, 10, 3), ONE_TO_TEN, RangePlan.ORDER_ASC).seqs()).containsExactly(8L, 9L, 10L);
    assertThat(RangePlan.chat(range(0, 10, 1), ONE_TO_TEN, RangePlan.ORDER_ASC).seqs()).containsExactly(10L);
  }

  @Test
  void numZeroOrBelowReadsNothing() {
    assertThat(RangePlan.chat(range(1, 10, 0), ONE_TO_TEN, RangePlan.ORDER_ASC).seqs()).isEmpty();
    assertThat(RangePlan.chat(range(1, 10, -5), ONE_TO_TEN, RangePlan.ORDER_ASC).seqs()).isEmpty();
  }

  @Test
  void theRangeIsClampedToTheWindowBeforeNumApplies() {
    Window window = new Window(4, 7, 9);
    assertThat(RangePlan.chat(range(0, 100, 100), window, RangePlan.ORDER_ASC).seqs()).containsExactly(4L, 5L, 6L, 7L);
    assertThat(RangePlan.chat(range(0, 100, 2), window, RangePlan.ORDER_ASC).seqs()).containsExactly(6L, 7L);
  }

  @Test
  void aRangeOutsideTheWindowReadsNothing() {
    Window window = new Window(5, 8, 8);
    assertThat(RangePlan.chat(range(1, 4, 10), window, RangePlan.ORDER_ASC).seqs()).isEmpty();
    assertThat(RangePlan.chat(range(9, 20, 10), window, RangePlan.ORDER_ASC).seqs()).isEmpty();
    assertThat(RangePlan.chat(range(7, 6, 10), window, RangePlan.ORDER_ASC).seqs()).isEmpty();
    assertThat(RangePlan.chat(range(1, 10, 10), new Window(1, 0, 0), RangePlan.ORDER_ASC).seqs()).isEmpty();
  }

  @Test
  void ascendingIsEndWhenTheWindowTopIsWithinTheRequestedEnd() {
    assertThat(RangePlan.chat(range(1, 10, 10), ONE_TO_TEN, RangePlan.ORDER_ASC).isEnd()).isTrue();
    assertThat(RangePlan.chat(range(1, 50, 10), ONE_TO_TEN, RangePlan.ORDER_ASC).isEnd()).isTrue();
    assertThat(RangePlan.chat(range(1, 9, 10), ONE_TO_TEN, RangePlan.ORDER_ASC).isEnd()).isFalse();
  }

  @Test
  void descendingIsEndWhenTheRequestedBeginReachesTheWindowBottom() {
    Window window = new Window(3, 10, 10);
    assertThat(RangePlan.chat(range(3, 10, 2), window, RangePlan.ORDER_DESC).isEnd()).isTrue();
    assertThat(RangePlan.chat(range(0, 10, 2), window, RangePlan.ORDER_DESC).isEnd()).isTrue();
    assertThat(RangePlan.chat(range(4, 10, 2), window, RangePlan.ORDER_DESC).isEnd()).isFalse();
  }

  @Test
  void anUnknownOrderIsNeverTheEnd() {
    assertThat(RangePlan.chat(range(1, 10, 10), ONE_TO_TEN, 7).isEnd()).isFalse();
  }

  @Test
  void aNotificationRangeIgnoresNumButKeepsToTheWindow() {
    RangePlan plan = RangePlan.notification(range(0, 20, 1), new Window(2, 6, 6), RangePlan.ORDER_ASC);
    assertThat(plan.seqs()).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(plan.isEnd()).isTrue();
    assertThat(RangePlan.notification(range(7, 20, 1), new Window(2, 6, 6), RangePlan.ORDER_ASC).seqs()).isEmpty();
  }

  @Test
  void aHugeRequestedRangeCostsOnlyTheWindow() {
    RangePlan plan = RangePlan.notification(range(Long.MIN_VALUE, Long.MAX_VALUE, 0), new Window(1, 3, 3), 0);
    assertThat(plan.seqs()).isEqualTo(List.of(1L, 2L, 3L));
  }
}
