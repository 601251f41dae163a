package io.imflux.bench.load;

import java.time.Duration;
import org.HdrHistogram.Histogram;

/**
 * The outcome of one load step. {@code lost} counts what issue 4 says must be zero: messages whose reply never came,
 * and messages acknowledged whose push never reached the recipient or the sender's own connection; pushes whose
 * serverMsgID differs from the reply's are counted as {@code mismatched}.
 *
 * @param rate            target messages per second
 * @param sent            messages written
 * @param delivered       pushes received by recipients during the measured window
 * @param deliveredPerSec {@code delivered} over the window's length
 */
public record StepResult(int rate, int sent, long acked, long errorReplies, long unanswered, long missingRecipient,
    long missingSender, long mismatched, long duplicates, long misrouted, long strays, long problems, long delivered,
    double deliveredPerSec, Histogram delivery, Histogram reply, Histogram writeLag, double serverCpuCores,
    double loaderCpuCores) {

  static StepResult of(Ledger ledger, int rate, Duration measure, long serverCpuNanos, long loaderCpuNanos,
      long problems) {
    int sent = 0;
    long acked = 0;
    long unanswered = 0;
    long missingRecipient = 0;
    long missingSender = 0;
    long mismatched = 0;
    long duplicates = 0;
    for (int id = 0; id < ledger.size; id++) {
      int s = ledger.state.get(id);
      if ((s & Ledger.WRITTEN) == 0) {
        continue;
      }
      sent++;
      if ((s & Ledger.DUPLICATE) != 0) {
        duplicates++;
      }
      if ((s & Ledger.ACK_ERROR) != 0) {
        continue;
      }
      if ((s & Ledger.ACKED) == 0) {
        unanswered++;
        continue;
      }
      acked++;
      if ((s & Ledger.TO_RECIPIENT) == 0) {
        missingRecipient++;
      } else if (!ledger.ackServerMsgID[id].equals(ledger.pushServerMsgID[id])) {
        mismatched++;
      }
      if ((s & Ledger.TO_SENDER) == 0) {
        missingSender++;
      }
    }
    double seconds = measure.toNanos() / 1e9;
    long delivered = ledger.deliveredInWindow.sum();
    return new StepResult(rate, sent, acked, ledger.errorReplies.sum(), unanswered, missingRecipient, missingSender,
        mismatched, duplicates, ledger.misrouted.sum(), ledger.strays.sum(), problems, delivered,
        delivered / seconds, Ledger.snapshot(ledger.delivery), Ledger.snapshot(ledger.reply),
        Ledger.snapshot(ledger.writeLag), serverCpuNanos / 1e9 / seconds, loaderCpuNanos / 1e9 / seconds);
  }

  public long lost() {
    return unanswered + missingRecipient + missingSender + mismatched;
  }

  public long errors() {
    return errorReplies + misrouted + duplicates + problems;
  }

  /** Issue 4's bar at a rate: nothing lost, no errors, p99 within 50 ms, and the rate actually delivered. */
  public boolean passes() {
    return lost() == 0 && errors() == 0 && millis(delivery, 99) <= 50 && deliveredPerSec >= 0.97 * rate;
  }

  /** The server could not keep up: it lost messages or delivered less than 97% of the target rate. */
  public boolean saturated() {
    return lost() > 0 || deliveredPerSec < 0.97 * rate;
  }

  public static double millis(Histogram histogram, double percentile) {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getValueAtPercentile(percentile) / 1e6;
  }

  public static double maxMillis(Histogram histogram) {
    return histogram.getTotalCount() == 0 ? Double.NaN : histogram.getMaxValue() / 1e6;
  }
}
