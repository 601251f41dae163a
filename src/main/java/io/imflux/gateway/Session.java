package io.imflux.gateway;

import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Resp;
import io.imflux.presence.Connection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.util.concurrent.Queues;

/**
 * One WebSocket connection: who it is, how its frames are encoded, and its outbound queue. Any thread may queue a
 * frame; one drain on the channel's event loop writes everything queued and flushes once, and stops while the
 * socket is not writable, so a slow reader holds at most its queue. Push frames beyond the queue's bound are dropped
 * (the client catches up by seq, spec/gateway.md §14); replies and kicks never are.
 */
final class Session {

  private static final Logger log = LoggerFactory.getLogger(Session.class);

  /** Queued after a connection's last frame: flush everything before it, then close the TCP connection. */
  private static final Object CLOSE = new Object();
  private static final Resp KICK = Resp.push(RequestIds.KICK, "", new byte[0]);

  /** A push frame, told apart in the queue so that its slot in the bound is given back when it is written. */
  private static final class PushFrame extends BinaryWebSocketFrame {

    PushFrame(ByteBuf content) {
      super(content);
    }
  }

  final String userID;
  final Platform platform;
  final String token;
  final String connID;
  final FrameFormat format;
  final Operator operator;

  private final Channel channel;
  private final EventLoop eventLoop;
  private final GatewayMetrics metrics;
  private final int maxQueuedPushes;
  private final Queue<Object> outbound = Queues.unboundedMultiproducer().get();
  private final AtomicInteger wip = new AtomicInteger();
  private final AtomicInteger queuedPushes = new AtomicInteger();
  private final AtomicBoolean detached = new AtomicBoolean();
  private final Runnable drainTask = this::drain;
  private final Set<String> subscriptions = new HashSet<>();
  private volatile boolean closing;
  private volatile boolean background;
  /** Since when (nanos) queued output has made no progress; 0 while it flows. */
  private volatile long stalledSince;
  /** The socket's unsent bytes when the sweep last looked: fewer now means the client is reading, however slowly. */
  private volatile long lastUnsent;
  private @Nullable ScheduledFuture<?> pinger;

  Session(Channel channel, ConnectArgs args, Operator operator, String connID, GatewayMetrics metrics,
      int maxQueuedPushes) {
    this.channel = channel;
    this.eventLoop = channel.eventLoop();
    this.userID = args.userID();
    this.platform = args.platform();
    this.token = args.token();
    this.format = args.format();
    this.background = args.background();
    this.operator = operator;
    this.connID = connID;
    this.metrics = metrics;
    this.maxQueuedPushes = maxQueuedPushes;
  }

  /** The connection as presence reports it (spec/api-auth-user.md §13). */
  Connection connection() {
    return new Connection(userID, platform, connID, token, background);
  }

  /** Request 2004 (spec/gateway.md §16); presence reports the new state. */
  void background(boolean value) {
    background = value;
  }

  /**
   * {@code value} on this connection's event loop: a request's answer often completes on a thread of the pipeline
   * (a sequencer shard acknowledging a stored message, the store's worker), and what follows — encoding and gzipping
   * the reply, then reading the connection's next request — belongs on the connection's own loop, not on those
   * shared single threads, where it delayed every other connection's acknowledgements and pushes.
   */
  <T> Mono<T> onEventLoop(T value) {
    if (eventLoop.inEventLoop()) {
      return Mono.just(value);
    }
    return Mono.create(sink -> eventLoop.execute(() -> sink.success(value)));
  }

  /**
   * A reply to a request: never dropped while the connection is open. It is encoded when written, on the event loop,
   * not on the thread that completed the request (a sequencer shard, for a send).
   */
  void reply(Resp resp) {
    enqueue(resp);
  }

  /** A text frame: the handshake envelope or a JSON pong (spec/gateway.md §4). */
  void sendText(String json) {
    enqueue(new TextWebSocketFrame(json));
  }

  /**
   * Queues an encoded push frame unless the connection is closing or its queue holds its bound of pushes; false when
   * the frame was dropped.
   */
  boolean push(byte[] frame) {
    if (closing) {
      return false;
    }
    if (queuedPushes.incrementAndGet() > maxQueuedPushes) {
      queuedPushes.decrementAndGet();
      return false;
    }
    outbound.offer(new PushFrame(Unpooled.wrappedBuffer(frame)));
    signal();
    return true;
  }

  /** Kicked (spec/gateway.md §12.2): a 2002 frame after everything already queued, then the connection closes. */
  void kick() {
    enqueue(KICK);
    closeAfterFlush();
  }

  /** Writes what is queued, then closes the TCP connection (after a logout reply, a kick). */
  void closeAfterFlush() {
    if (!closing) {
      closing = true;
      outbound.offer(CLOSE);
      signal();
    }
  }

  /** Closes at once: a protocol error or a timeout. */
  void close() {
    closing = true;
    channel.close();
  }

  boolean isOpen() {
    return !closing && channel.isActive();
  }

  /** Only the first caller wins: the registry detaches a session once, whether kicked or closed. */
  boolean markDetached() {
    return detached.compareAndSet(false, true);
  }

  /** WebSocket pings to this connection (Web platform only, spec/gateway.md §13). */
  void startPings(Duration interval) {
    long nanos = interval.toNanos();
    pinger = eventLoop.scheduleAtFixedRate(() -> {
      if (channel.isActive()) {
        channel.writeAndFlush(new PingWebSocketFrame(), channel.voidPromise());
      }
    }, nanos, nanos, TimeUnit.NANOSECONDS);
  }

  /** Called once the channel closed: stops the pings and forgets queued frames. */
  void closed() {
    closing = true;
    ScheduledFuture<?> scheduled = pinger;
    if (scheduled != null) {
      scheduled.cancel(false);
    }
    signal();
  }

  /**
   * Closes the connection when its writes made no progress for {@code timeoutNanos} (spec/gateway.md §13): its socket
   * stayed unwritable and not one byte of what waits in it left. A client that reads slowly but reads (a big pull
   * reply over a poor link) is not closed. A socket that is writable again only resumes draining; this also covers
   * a writability change the drain did not see.
   */
  boolean closeIfStalled(long now, long timeoutNanos) {
    long since = stalledSince;
    if (since == 0 || !channel.isActive()) {
      return false;
    }
    if (channel.isWritable()) {
      signal();
      return false;
    }
    long unsent = channel.bytesBeforeWritable();
    if (unsent < lastUnsent) {
      lastUnsent = unsent;
      stalledSince = now;
      return false;
    }
    lastUnsent = unsent;
    if (now - since > timeoutNanos) {
      close();
      return true;
    }
    return false;
  }

  /** The socket became writable again: resume draining. */
  void writable() {
    signal();
  }

  // ---- 2005 subscriptions of this connection (spec/gateway.md §17) ----

  synchronized int subscriptionCount() {
    return subscriptions.size();
  }

  /** Applies a 2005 request; answers the IDs newly followed and those no longer followed. */
  synchronized void subscribe(List<String> add, List<String> remove, Set<String> added, Set<String> removed) {
    for (String userID : remove) {
      if (subscriptions.remove(userID)) {
        removed.add(userID);
      }
    }
    for (String userID : add) {
      removed.remove(userID);
      if (subscriptions.add(userID)) {
        added.add(userID);
      }
    }
  }

  synchronized List<String> clearSubscriptions() {
    List<String> all = List.copyOf(subscriptions);
    subscriptions.clear();
    return all;
  }

  private void enqueue(Object frame) {
    if (closing) {
      return;
    }
    outbound.offer(frame);
    signal();
  }

  private void signal() {
    if (wip.getAndIncrement() == 0) {
      if (eventLoop.inEventLoop()) {
        drain();
      } else {
        eventLoop.execute(drainTask);
      }
    }
  }

  /**
   * Runs on the event loop only, one at a time (the wip counter). A failure closes the connection: left unhandled it
   * would leave the counter raised and the connection silent for good.
   */
  private void drain() {
    int missed = 1;
    do {
      try {
        if (!channel.isActive()) {
          discard();
        } else {
          writeQueued();
        }
      } catch (RuntimeException e) {
        log.warn("{} closed: writing failed", this, e);
        closing = true;
        discard();
        channel.close();
      }
      missed = wip.addAndGet(-missed);
    } while (missed != 0);
  }

  private void writeQueued() {
    int written = 0;
    Object item;
    while (channel.isWritable() && (item = outbound.poll()) != null) {
      if (item == CLOSE) {
        metrics.framesOut(written);
        channel.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        stalledSince = 0;
        discard();
        return;
      }
      if (item instanceof PushFrame) {
        queuedPushes.decrementAndGet();
      } else if (item instanceof Resp resp) {
        item = new BinaryWebSocketFrame(Unpooled.wrappedBuffer(format.encode(resp)));
      }
      channel.write(item, channel.voidPromise());
      written++;
    }
    if (written > 0) {
      channel.flush();
      metrics.framesOut(written);
    }
    boolean pending = !outbound.isEmpty() || !channel.isWritable();
    if (!pending) {
      stalledSince = 0;
    } else if (written > 0 || stalledSince == 0) {
      stalledSince = System.nanoTime();
      lastUnsent = channel.bytesBeforeWritable();
    }
  }

  private void discard() {
    Object item;
    while ((item = outbound.poll()) != null) {
      if (item instanceof PushFrame) {
        queuedPushes.decrementAndGet();
      }
    }
  }

  @Override
  public String toString() {
    return userID + "/" + platform.referenceName() + "/" + connID;
  }
}
