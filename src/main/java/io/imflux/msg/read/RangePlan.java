package io.imflux.msg.read;

import io.imflux.msg.MessageReader.Window;
import io.imflux.proto.sdkws.SeqRange;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The seqs one {@code SeqRange} of a range pull reads and its {@code isEnd} (spec/api-msg.md §5.2), worked out against
 * the user's visible window. Window bounds are at least 1, so a request from seq 0 never reads seq 0.
 *
 * @param seqs  ascending; empty when the range has nothing to return
 * @param isEnd ascending order: the window's top is within the requested end; descending: the requested begin
 *              reaches the window's bottom; any other order value: false
 */
record RangePlan(List<Long> seqs, boolean isEnd) {

  static final int ORDER_ASC = 0;
  static final int ORDER_DESC = 1;

  /** A chat conversation: the range clamped to the window, then only its newest {@code num} seqs. */
  static RangePlan chat(SeqRange range, Window window, int order) {
    long begin = Math.max(range.getBegin(), window.lower());
    long end = Math.min(range.getEnd(), window.upper());
    long num = range.getNum();
    List<Long> seqs = end < begin || num <= 0 ? List.of()
        : seqs(end - begin + 1 <= num ? begin : end - num + 1, end);
    return new RangePlan(seqs, isEnd(range, window, order));
  }

  /** A notification ({@code n_}) conversation: every requested seq inside the window; {@code num} is ignored. */
  static RangePlan notification(SeqRange range, Window window, int order) {
    long begin = Math.max(range.getBegin(), window.lower());
    long end = Math.min(range.getEnd(), window.upper());
    return new RangePlan(end < begin ? List.of() : seqs(begin, end), isEnd(range, window, order));
  }

  private static boolean isEnd(SeqRange range, Window window, int order) {
    return switch (order) {
      case ORDER_ASC -> window.upper() <= range.getEnd();
      case ORDER_DESC -> range.getBegin() <= window.lower();
      default -> false;
    };
  }

  private static List<Long> seqs(long from, long to) {
    return LongStream.rangeClosed(from, to).boxed().toList();
  }
}
