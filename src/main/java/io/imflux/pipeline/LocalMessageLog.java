package io.imflux.pipeline;

import io.imflux.proto.sdkws.MsgData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Standalone message log: in-process shard queues, one sequencer thread per shard, a conversation always on the
 * same shard. Appending never blocks the caller (a lock-free queue and an unpark); the thread drains up to
 * {@link #MAX_BATCH} messages at a time, so under load many messages share one seq allocation and one write.
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
public class LocalMessageLog implements MessageLog, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(LocalMessageLog.class);
  static final int MAX_BATCH = 1000;

  private final Shard[] shards;

  public LocalMessageLog(Sequencer sequencer) {
    int count = Math.max(2, Runtime.getRuntime().availableProcessors());
    this.shards = new Shard[count];
    for (int i = 0; i < count; i++) {
      shards[i] = new Shard(i, sequencer);
      shards[i].thread.start();
    }
  }

  @Override
  public Mono<Long> append(String conversationID, MsgData message, String operationID) {
    return Mono.create(ack -> shardOf(conversationID).offer(new Pending(conversationID, message, operationID, ack)));
  }

  private Shard shardOf(String conversationID) {
    return shards[Math.floorMod(conversationID.hashCode(), shards.length)];
  }

  @Override
  public void destroy() throws InterruptedException {
    for (Shard shard : shards) {
      shard.stop();
    }
  }

  /** One sequencer thread and its queue. */
  private static final class Shard implements Runnable {
    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final Sequencer sequencer;
    private final Thread thread;
    private volatile boolean running = true;

    Shard(int index, Sequencer sequencer) {
      this.sequencer = sequencer;
      this.thread = new Thread(this, "sequencer-" + index);
      this.thread.setDaemon(true);
    }

    void offer(Pending pending) {
      if (!running) {
        pending.ack().error(new IllegalStateException("the server is shutting down"));
        return;
      }
      queue.offer(pending);
      LockSupport.unpark(thread);
    }

    @Override
    public void run() {
      List<Pending> batch = new ArrayList<>(MAX_BATCH);
      while (running || !queue.isEmpty()) {
        Pending next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
          batch.add(next);
        }
        if (batch.isEmpty()) {
          LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(50));
          continue;
        }
        try {
          sequencer.process(batch);
        } catch (RuntimeException e) {
          log.error("sequencer batch failed", e);
          batch.forEach(p -> p.ack().error(e));
        }
        batch.clear();
      }
    }

    void stop() throws InterruptedException {
      running = false;
      LockSupport.unpark(thread);
      thread.join(TimeUnit.SECONDS.toMillis(30));
    }
  }
}
