package io.imflux.bench.load;

import io.imflux.bench.client.GatewayConnection;
import io.imflux.bench.wire.Envelope;
import io.imflux.bench.wire.Envelope.Req;
import io.imflux.bench.wire.Envelope.Resp;
import io.imflux.bench.wire.Proto;
import io.netty.channel.EventLoop;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Open-loop one-to-one load (issue 4, item 4b): users in fixed pairs send 1003 text messages at a target rate. A
 * pacing thread hands each message to its sender's event loop when it is due, whatever the latency so far, and
 * latency is measured from when the message was due, so a stalled server (or loader) cannot hide its delay
 * (coordinated omission). Every reply and push is checked against the ledger by clientMsgID and serverMsgID.
 */
public final class LoadTest implements GatewayConnection.Listener {

  /** Content bytes of each message (issue 4: 300-byte messages), a JSON TextElem as the SDK sends it. */
  static final int CONTENT_BYTES = 300;
  private static final int CONTENT_POOL = 64;
  private static final long TICK_NANOS = 500_000;

  private final List<String> userIDs;
  private final int platformID;
  private final byte[][] contents;
  private List<GatewayConnection> connections = List.of();
  private EventLoop[] loopOf = new EventLoop[0];
  private volatile Ledger current;
  private volatile CountDownLatch firstReplies;
  private final LongAdder problems = new LongAdder();
  private final ConcurrentLinkedQueue<String> problemSamples = new ConcurrentLinkedQueue<>();

  public LoadTest(List<String> userIDs, int platformID) {
    this.userIDs = userIDs;
    this.platformID = platformID;
    this.contents = contents(new Random(42));
  }

  /** The users' connections, in the order of {@code userIDs}. */
  public void attach(List<GatewayConnection> opened) {
    this.connections = opened;
    this.loopOf = opened.stream().map(GatewayConnection::eventLoop).toArray(EventLoop[]::new);
  }

  /** User {@code i} talks to user {@code i ^ 1}: fixed pairs. */
  static int partner(int sender) {
    return sender ^ 1;
  }

  /** What the SDK sends first on a new connection (§18.2): 1001 GetNewestSeq; waits for every reply. */
  public void firstRequests() {
    CountDownLatch latch = new CountDownLatch(connections.size());
    firstReplies = latch;
    for (GatewayConnection connection : connections) {
      connection.eventLoop().execute(() -> connection.send(new Req(Envelope.GET_NEWEST_SEQ, connection.userID,
          "bench-" + connection.userID, connection.userID + "_first", Proto.getMaxSeq(connection.userID))));
    }
    try {
      if (!latch.await(2, TimeUnit.MINUTES)) {
        throw new IllegalStateException(latch.getCount() + " connections never answered 1001");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Hooks around the measured window, e.g. to profile the server only while it is measured. */
  public interface Window {
    Window NONE = new Window() {
      @Override
      public void opened() {}

      @Override
      public void closed() {}
    };

    void opened();

    void closed();
  }

  /**
   * One step: {@code warmup} then {@code measure} at {@code rate} messages per second, then up to {@code drain} for
   * the last pushes to arrive.
   */
  public StepResult step(int run, int rate, Duration warmup, Duration measure, Duration drain,
      LongSupplier serverCpuNanos, Window window) {
    int total = (int) Math.round(rate * (warmup.toNanos() + measure.toNanos()) / 1e9);
    double nanosPerMessage = 1e9 / rate;
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(50);
    long measureFrom = start + warmup.toNanos();
    long measureTo = measureFrom + measure.toNanos();
    Ledger ledger = new Ledger(run, total, start, nanosPerMessage, measureFrom, measureTo);
    current = ledger;
    long problemsBefore = problems.sum();
    boolean opened = false;
    long serverCpuFrom = 0;
    long loaderCpuFrom = 0;
    int next = 0;
    while (next < total || System.nanoTime() < measureTo) {
      long now = System.nanoTime();
      if (!opened && now >= measureFrom) {
        opened = true;
        window.opened();
        serverCpuFrom = serverCpuNanos.getAsLong();
        loaderCpuFrom = loaderCpuNanos();
        Ledger.snapshot(ledger.writeLag);
      }
      int due = now < start ? 0 : (int) Math.min(total, (now - start) / nanosPerMessage + 1);
      if (due > next) {
        dispatch(ledger, next, due);
        next = due;
      }
      LockSupport.parkNanos(TICK_NANOS);
    }
    long serverCpu = serverCpuNanos.getAsLong() - serverCpuFrom;
    long loaderCpu = loaderCpuNanos() - loaderCpuFrom;
    window.closed();
    long drainEnd = System.nanoTime() + drain.toNanos();
    while (!ledger.settled(total) && System.nanoTime() < drainEnd) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
    }
    return StepResult.of(ledger, rate, measure, serverCpu, loaderCpu, problems.sum() - problemsBefore);
  }

  /** Hands messages [from, to) to their senders' event loops, one task per loop. */
  private void dispatch(Ledger ledger, int from, int to) {
    int users = connections.size();
    List<EventLoop> loops = new ArrayList<>(2);
    List<int[]> batches = new ArrayList<>(2);
    int[] counts = new int[0];
    for (int id = from; id < to; id++) {
      EventLoop loop = loopOf[id % users];
      int slot = loops.indexOf(loop);
      if (slot < 0) {
        slot = loops.size();
        loops.add(loop);
        batches.add(new int[to - from]);
        counts = java.util.Arrays.copyOf(counts, slot + 1);
      }
      batches.get(slot)[counts[slot]++] = id;
    }
    for (int slot = 0; slot < loops.size(); slot++) {
      int[] ids = batches.get(slot);
      int count = counts[slot];
      loops.get(slot).execute(() -> {
        for (int i = 0; i < count; i++) {
          send(ledger, ids[i]);
        }
      });
    }
  }

  private void send(Ledger ledger, int id) {
    int sender = id % connections.size();
    GatewayConnection connection = connections.get(sender);
    String key = ledger.run + "-" + id;
    byte[] msg = Proto.textMessage(connection.userID, userIDs.get(partner(sender)), "b" + key, platformID,
        contents[id % contents.length], System.currentTimeMillis());
    connection.send(new Req(Envelope.SEND_MSG, connection.userID, "op" + key, connection.userID + "_" + key, msg));
    ledger.written(id, System.nanoTime());
  }

  @Override
  public void onResp(GatewayConnection connection, Resp resp, long arrived) {
    switch (resp.reqIdentifier()) {
      case Envelope.SEND_MSG -> replied(connection, resp, arrived);
      case Envelope.PUSH_MSG -> {
        for (Proto.Pushed pushed : Proto.pushed(resp.data())) {
          pushed(connection, pushed, arrived);
        }
      }
      case Envelope.GET_NEWEST_SEQ -> {
        if (resp.errCode() != 0) {
          onProblem(connection, "1001 failed: " + resp.errCode() + " " + resp.errMsg());
        }
        CountDownLatch latch = firstReplies;
        if (latch != null) {
          latch.countDown();
        }
      }
      default -> onProblem(connection, "unexpected reqIdentifier " + resp.reqIdentifier());
    }
  }

  private void replied(GatewayConnection connection, Resp resp, long arrived) {
    Ledger ledger = current;
    String msgIncr = resp.msgIncr();
    int id = ledger == null ? -1 : idOf(ledger, msgIncr.substring(msgIncr.lastIndexOf('_') + 1));
    if (id < 0) {
      if (ledger != null) {
        ledger.strays.increment();
      }
      return;
    }
    if (resp.errCode() != 0) {
      onProblem(connection, "1003 failed: " + resp.errCode() + " " + resp.errMsg());
      ledger.replied(id, false, "", arrived);
      return;
    }
    Proto.SendResult result = Proto.sendResult(resp.data());
    if (!result.clientMsgID().equals("b" + ledger.run + "-" + id)) {
      ledger.misrouted.increment();
    }
    ledger.replied(id, true, result.serverMsgID(), arrived);
  }

  private void pushed(GatewayConnection connection, Proto.Pushed pushed, long arrived) {
    Ledger ledger = current;
    String clientMsgID = pushed.clientMsgID();
    int id = ledger == null || !clientMsgID.startsWith("b") ? -1 : idOf(ledger, clientMsgID.substring(1));
    if (id < 0) {
      if (ledger != null) {
        ledger.strays.increment();
      }
      return;
    }
    int sender = id % connections.size();
    boolean rightPair = pushed.sendID().equals(userIDs.get(sender))
        && pushed.recvID().equals(userIDs.get(partner(sender)))
        && !pushed.notification()
        && pushed.conversationID().equals(Proto.singleChatID(pushed.sendID(), pushed.recvID()));
    if (!rightPair) {
      ledger.misrouted.increment();
    } else if (connection.index == partner(sender)) {
      ledger.pushedToRecipient(id, pushed.serverMsgID(), arrived);
    } else if (connection.index == sender) {
      ledger.pushedToSender(id);
    } else {
      ledger.misrouted.increment();
    }
  }

  /** The message number of {@code "<run>-<id>"} in this ledger's run, or -1. */
  private static int idOf(Ledger ledger, String key) {
    int dash = key.indexOf('-');
    if (dash < 0) {
      return -1;
    }
    try {
      int run = Integer.parseInt(key, 0, dash, 10);
      int id = Integer.parseInt(key, dash + 1, key.length(), 10);
      return run == ledger.run && id >= 0 && id < ledger.size ? id : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  @Override
  public void onProblem(GatewayConnection connection, String why) {
    problems.increment();
    if (problemSamples.size() < 20) {
      problemSamples.add(connection + ": " + why);
    }
  }

  public long problems() {
    return problems.sum();
  }

  public List<String> problemSamples() {
    return List.copyOf(problemSamples);
  }

  private static long loaderCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** {"content":"..."} of exactly {@link #CONTENT_BYTES} bytes: words of random letters, as chat text compresses. */
  private static byte[][] contents(Random random) {
    byte[][] pool = new byte[CONTENT_POOL][];
    String prefix = "{\"content\":\"";
    String suffix = "\"}";
    for (int i = 0; i < pool.length; i++) {
      StringBuilder text = new StringBuilder();
      int length = CONTENT_BYTES - prefix.length() - suffix.length();
      while (text.length() < length) {
        if (text.length() > 0 && random.nextInt(6) == 0) {
          text.append(' ');
        } else {
          text.append((char) ('a' + random.nextInt(26)));
        }
      }
      pool[i] = (prefix + text + suffix).getBytes(StandardCharsets.UTF_8);
    }
    return pool;
  }
}
