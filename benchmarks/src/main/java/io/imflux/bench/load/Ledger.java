package io.imflux.bench.load;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * What happened to every message of one load step, by message number: when it was due, whether the sender got a
 * successful reply, whether the push reached the recipient and the sender's own connection, and with which
 * serverMsgID each time. Read at the end of the step to count losses; written from any event loop.
 */
final class Ledger {

  static final int WRITTEN = 1;
  static final int ACKED = 2;
  static final int ACK_ERROR = 4;
  static final int TO_RECIPIENT = 8;
  static final int TO_SENDER = 16;
  static final int DUPLICATE = 32;

  final int run;
  final int size;
  final long startNanos;
  final long measureFromNanos;
  final long measureToNanos;
  final double nanosPerMessage;
  final AtomicIntegerArray state;
  final String[] ackServerMsgID;
  final String[] pushServerMsgID;
  /** Send -> push received by the recipient, for messages due inside the measured window. */
  final Recorder delivery = new Recorder(3_600_000_000_000L, 3);
  /** Send -> reply received by the sender. */
  final Recorder reply = new Recorder(3_600_000_000_000L, 3);
  /** How late the load generator wrote each message after it was due (its own lag on the shared CPU). */
  final Recorder writeLag = new Recorder(3_600_000_000_000L, 3);
  final LongAdder deliveredInWindow = new LongAdder();
  final LongAdder misrouted = new LongAdder();
  final LongAdder strays = new LongAdder();
  final LongAdder errorReplies = new LongAdder();

  Ledger(int run, int size, long startNanos, double nanosPerMessage, long measureFromNanos, long measureToNanos) {
    this.run = run;
    this.size = size;
    this.startNanos = startNanos;
    this.nanosPerMessage = nanosPerMessage;
    this.measureFromNanos = measureFromNanos;
    this.measureToNanos = measureToNanos;
    this.state = new AtomicIntegerArray(size);
    this.ackServerMsgID = new String[size];
    this.pushServerMsgID = new String[size];
  }

  long dueNanos(int id) {
    return startNanos + (long) (id * nanosPerMessage);
  }

  boolean measured(int id) {
    long due = dueNanos(id);
    return due >= measureFromNanos && due < measureToNanos;
  }

  void written(int id, long nanos) {
    set(id, WRITTEN);
    writeLag.recordValue(Math.max(0, nanos - dueNanos(id)));
  }

  void replied(int id, boolean ok, String serverMsgID, long arrived) {
    if (ok) {
      ackServerMsgID[id] = serverMsgID;
      set(id, ACKED);
    } else {
      errorReplies.increment();
      set(id, ACK_ERROR);
    }
    if (measured(id)) {
      reply.recordValue(Math.max(0, arrived - dueNanos(id)));
    }
  }

  void pushedToRecipient(int id, String serverMsgID, long arrived) {
    pushServerMsgID[id] = serverMsgID;
    if (!set(id, TO_RECIPIENT)) {
      set(id, DUPLICATE);
      return;
    }
    if (arrived >= measureFromNanos && arrived < measureToNanos) {
      deliveredInWindow.increment();
    }
    if (measured(id)) {
      delivery.recordValue(Math.max(0, arrived - dueNanos(id)));
    }
  }

  void pushedToSender(int id) {
    if (!set(id, TO_SENDER)) {
      set(id, DUPLICATE);
    }
  }

  /** Sets a flag; false when it was already set. */
  private boolean set(int id, int flag) {
    while (true) {
      int old = state.get(id);
      if ((old & flag) != 0) {
        return false;
      }
      if (state.compareAndSet(id, old, old | flag)) {
        return true;
      }
    }
  }

  /** True once every written message has its reply and both pushes, or an error reply. */
  boolean settled(int written) {
    for (int id = 0; id < written; id++) {
      int s = state.get(id);
      if ((s & ACK_ERROR) == 0 && (s & (ACKED | TO_RECIPIENT | TO_SENDER)) != (ACKED | TO_RECIPIENT | TO_SENDER)) {
        return false;
      }
    }
    return true;
  }

  static Histogram snapshot(Recorder recorder) {
    return recorder.getIntervalHistogram();
  }
}
