package io.imflux.cluster.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * When the H2 file holds what the store acknowledged (see {@link H2MessageStore}). A checkpoint seals the journal's
 * segment, makes H2 write everything committed so far, and deletes the sealed segments. Appends hold the gate's read
 * side from their H2 commit to their journal write, so a sealed segment never records an append that H2 committed
 * after the checkpoint began. A change made through the reactive methods completes after a checkpoint that began
 * after its commit: checkpoints run on their own thread, at most one per {@link #GROUP_WINDOW}, each serving every
 * change waiting when it began (group commit, without holding a thread per waiting change).
 */
final class Checkpoints {

  /** Work that may fail with an SQLException. */
  @FunctionalInterface
  interface SqlWork {
    void run() throws SQLException;
  }

  private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

  static final Duration GROUP_WINDOW = Duration.ofMillis(20);
  private static final Duration INTERVAL = Duration.ofSeconds(5);
  private static final long MAX_JOURNAL_BYTES = 64L << 20;

  private final JdbcConnectionPool pool;
  private final MessageJournal journal;
  private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
  private final ConcurrentLinkedQueue<MonoSink<Void>> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final ScheduledExecutorService thread;
  private volatile long lastRunNanos = System.nanoTime();
  private volatile boolean closed;

  Checkpoints(JdbcConnectionPool pool, MessageJournal journal) {
    this.pool = pool;
    this.journal = journal;
    this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread checkpointer = new Thread(task, "h2-messages-checkpoint");
      checkpointer.setDaemon(true);
      return checkpointer;
    });
    thread.scheduleWithFixedDelay(this::runScheduled, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
  }

  MessageJournal journal() {
    return journal;
  }

  /** Runs an append, its H2 commit and its journal write being one step for checkpoints. */
  void appending(SqlWork append) throws SQLException {
    gate.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the message store is closed");
      }
      append.run();
    } finally {
      gate.readLock().unlock();
    }
    if (journal.segmentBytes() > MAX_JOURNAL_BYTES) {
      schedule(Duration.ZERO);
    }
  }

  /** Completes once the H2 file holds every change committed before the subscription. */
  Mono<Void> durable() {
    return Mono.create(sink -> {
      waiting.add(sink);
      if (!closed) {
        schedule(GROUP_WINDOW.minusNanos(System.nanoTime() - lastRunNanos));
      } else if (waiting.remove(sink)) {
        sink.error(new IllegalStateException("the message store is closed"));
      }
    });
  }

  private void schedule(Duration delay) {
    if (scheduled.compareAndSet(false, true)) {
      try {
        thread.schedule(this::runScheduled, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        scheduled.set(false); // closing: close() serves whoever is still waiting
      }
    }
  }

  private void runScheduled() {
    scheduled.set(false);
    List<MonoSink<Void>> served = drainWaiting();
    if (served.isEmpty() && journal.segmentBytes() == 0) {
      return;
    }
    try {
      run();
      served.forEach(MonoSink::success);
    } catch (SQLException | RuntimeException e) {
      log.warn("Message store checkpoint failed; the journal keeps every append until the next one", e);
      served.forEach(sink -> sink.error(e));
    }
  }

  private List<MonoSink<Void>> drainWaiting() {
    List<MonoSink<Void>> drained = new ArrayList<>();
    for (MonoSink<Void> sink = waiting.poll(); sink != null; sink = waiting.poll()) {
      drained.add(sink);
    }
    return drained;
  }

  private void run() throws SQLException {
    lastRunNanos = System.nanoTime();
    long sealed;
    gate.writeLock().lock();
    try {
      sealed = journal.rotate();
    } finally {
      gate.writeLock().unlock();
    }
    try (Connection connection = pool.getConnection()) {
      writeH2File(connection);
    }
    journal.deleteThrough(sealed);
  }

  /**
   * Stops checkpointing, then shuts H2 down with {@code shutdown} (which writes its file); the journal is deleted
   * when that succeeded and kept for the next start when it did not. Waiting changes learn which.
   */
  void close(SqlWork shutdown) {
    thread.shutdown();
    try {
      thread.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    gate.writeLock().lock();
    try {
      closed = true;
      shutdown.run();
      journal.close(true);
      drainWaiting().forEach(MonoSink::success);
    } catch (SQLException | RuntimeException e) {
      journal.close(false);
      drainWaiting().forEach(sink -> sink.error(e));
      log.warn("Message store did not shut down cleanly; its journal is kept for the next start", e);
    } finally {
      gate.writeLock().unlock();
    }
  }

  /**
   * What H2's {@code CHECKPOINT} does (commit the MVStore), and then waiting for the background writer's pipeline to
   * drain: its own commit hands pages to serialisation and file-write threads without waiting, so a checkpoint that
   * finds nothing left to commit may otherwise return before the background's pages are in the file.
   */
  static void writeH2File(Connection connection) throws SQLException {
    SessionLocal session = (SessionLocal) connection.unwrap(JdbcConnection.class).getSession();
    MVStore store = session.getDatabase().getStore().getMvStore();
    store.commit();
    store.executeFilestoreOperation(() -> { });
  }
}
