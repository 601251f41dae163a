package io.imflux.cluster.h2;

import io.imflux.cluster.MessageStore;
import io.imflux.cluster.UserSeqStore;
import io.imflux.cluster.h2.MessageTable.SearchFilter;
import io.imflux.proto.sdkws.MsgData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The standalone message store (ARCHITECTURE §1): an embedded H2 file database next to the embedded Mongo store,
 * one row per message. Appends run as one JDBC batch in one transaction on the sequencer's thread; everything
 * reactive runs on this store's own bounded scheduler ({@code h2-messages-*}), never on the caller's thread.
 *
 * <p>Durability: what a call acknowledged survives kill -9. H2 writes its file in the background ({@code
 * WRITE_DELAY} 500 ms), because having it write the file at every commit ({@code WRITE_DELAY=0}) re-serialises every
 * touched B-tree page: measured ~1 ms of CPU and ~25 KB of file growth per one-message append. Instead
 * {@link #append} writes the batch to the {@link MessageJournal} before it returns, and a change made through the
 * reactive methods completes after a {@link Checkpoints checkpoint} (H2 writing its file), which changes finishing
 * together share. Checkpoints also seal the journal and delete what H2 now holds; opening the store inserts what the
 * journal holds and the file lacks. Nothing fsyncs: a power loss or OS crash can lose the last moments.
 */
public final class H2MessageStore implements MessageStore, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(H2MessageStore.class);

  /** The database name in the data directory; H2 adds {@code .mv.db}, the journal {@code -<n>.journal}. */
  public static final String FILE_NAME = "imflux-messages";

  /** Sequencer threads and reader threads together stay below this. */
  private static final int MAX_CONNECTIONS = 16;
  private static final int READER_THREADS = 4;
  private static final int QUEUED_READS = 100_000;
  private static final int ERASE_CONVERSATIONS_PER_TRANSACTION = 500;
  /** A listed seq farther than this from its neighbours is looked up on its own rather than by range. */
  private static final int RANGE_SLACK = 64;

  private final JdbcConnectionPool pool;
  private final Path file;
  private final Checkpoints checkpoints;
  private final Scheduler scheduler;

  private H2MessageStore(JdbcConnectionPool pool, Path file, MessageJournal journal) {
    this.pool = pool;
    this.file = file;
    this.checkpoints = new Checkpoints(pool, journal);
    this.scheduler = Schedulers.newBoundedElastic(READER_THREADS, QUEUED_READS, "h2-messages");
  }

  /** Opens (creating if needed) the store in {@code directory}, first recovering its journal. Blocking. */
  public static H2MessageStore open(Path directory) {
    Path dir = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
    Path file = dir.resolve(FILE_NAME);
    // WRITE_DELAY: H2's background write (see the class comment). DB_CLOSE_ON_EXIT=FALSE: close() shuts it down in
    // order, after the server stopped using it, rather than H2's own JVM shutdown hook racing the application.
    String url = "jdbc:h2:file:" + file + ";WRITE_DELAY=500;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=32"
        + ";LOCK_TIMEOUT=10000";
    JdbcConnectionPool pool = JdbcConnectionPool.create(url, "imflux", "");
    pool.setMaxConnections(MAX_CONNECTIONS);
    try (Connection connection = pool.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        for (String ddl : MessageTable.SCHEMA) {
          statement.execute(ddl);
        }
        for (String ddl : H2UserSeqStore.SCHEMA) {
          statement.execute(ddl);
        }
      }
      long last = JournalRecovery.recover(connection, dir);
      log.info("Message store: H2 database {}.mv.db", file);
      return new H2MessageStore(pool, file, new MessageJournal(dir, last));
    } catch (SQLException | RuntimeException e) {
      pool.dispose();
      throw new IllegalStateException("cannot open the message store " + file, e);
    }
  }

  /** The per-user seqs kept in this database, with the same durability as its reactive changes. */
  public UserSeqStore userSeqs() {
    return new H2UserSeqStore(this);
  }

  // ---- write side: the caller's (sequencer's) thread ----

  @Override
  public void appendAll(Map<String, List<MsgData>> messagesByConversation) {
    Map<String, byte[][]> bodies = new LinkedHashMap<>();
    messagesByConversation.forEach((conversationID, messages) -> {
      if (!messages.isEmpty()) {
        bodies.put(conversationID, new byte[messages.size()][]);
      }
    });
    if (bodies.isEmpty()) {
      return;
    }
    try (Connection connection = pool.getConnection()) {
      checkpoints.appending(() -> {
        transaction(connection, c -> {
          try (PreparedStatement insert = c.prepareStatement(MessageTable.INSERT)) {
            for (Map.Entry<String, byte[][]> batch : bodies.entrySet()) {
              List<MsgData> messages = messagesByConversation.get(batch.getKey());
              byte[][] encoded = batch.getValue();
              for (int i = 0; i < encoded.length; i++) {
                MsgData msg = messages.get(i);
                encoded[i] = msg.toByteArray();
                MessageTable.bindInsert(insert, batch.getKey(), msg, encoded[i]);
                insert.addBatch();
              }
            }
            return insert.executeBatch();
          }
        });
        journalOrUndo(connection, messagesByConversation, bodies);
      });
    } catch (SQLException e) {
      throw failure("append to " + String.join(", ", bodies.keySet()), e);
    }
  }

  /** The batch is in H2 (not yet on disk); if the journal cannot take it, it must not stay readable either. */
  private void journalOrUndo(Connection connection, Map<String, List<MsgData>> messagesByConversation,
      Map<String, byte[][]> bodies) throws SQLException {
    try {
      checkpoints.journal().write(bodies);
    } catch (RuntimeException e) {
      try (PreparedStatement delete = connection.prepareStatement(MessageTable.DELETE)) {
        for (String conversationID : bodies.keySet()) {
          for (MsgData msg : messagesByConversation.get(conversationID)) {
            delete.setString(1, conversationID);
            delete.setLong(2, msg.getSeq());
            delete.addBatch();
          }
        }
        delete.executeBatch();
      } catch (SQLException undo) {
        e.addSuppressed(undo);
      }
      throw e;
    }
  }

  @Override
  public long maxStoredSeq(String conversationID) {
    try (Connection connection = pool.getConnection()) {
      return maxStoredSeq(connection, conversationID);
    } catch (SQLException e) {
      throw failure("max seq of " + conversationID, e);
    }
  }

  /** Scans the conversation newest first: a replayed message is near its end, and H2 keeps no index for this. */
  @Override
  public long seqOfServerMsgID(String conversationID, String serverMsgID) {
    try (Connection connection = pool.getConnection();
        PreparedStatement query = connection.prepareStatement(MessageTable.SEQ_OF_SERVER_MSG_ID)) {
      query.setString(1, conversationID);
      query.setString(2, serverMsgID);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    } catch (SQLException e) {
      throw failure("seq of " + serverMsgID + " in " + conversationID, e);
    }
  }

  // ---- read and change side: on this store's scheduler ----

  @Override
  public Flux<StoredMessage> find(String conversationID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Flux.empty();
    }
    long[] sorted = seqs.stream().mapToLong(Long::longValue).distinct().sorted().toArray();
    return jdbc(connection -> findSorted(connection, conversationID, sorted)).flatMapIterable(slots -> slots);
  }

  @Override
  public Mono<StoredMessage> findLatest(String conversationID, long atMost) {
    return jdbc(connection -> {
      try (PreparedStatement query = connection.prepareStatement(MessageTable.FIND_LATEST)) {
        query.setString(1, conversationID);
        query.setLong(2, atMost);
        try (ResultSet row = query.executeQuery()) {
          return row.next() ? MessageTable.readSlot(row) : null;
        }
      }
    });
  }

  @Override
  public Mono<Long> lastSeqSentAtOrBefore(String conversationID, long sendTime) {
    return jdbc(connection -> {
      try (PreparedStatement query = connection.prepareStatement(MessageTable.LAST_SEQ_SENT_AT_OR_BEFORE)) {
        query.setString(1, conversationID);
        query.setLong(2, sendTime);
        try (ResultSet row = query.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }
    });
  }

  @Override
  public Mono<Void> markDeleted(String conversationID, String userID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return change(connection -> {
      try (PreparedStatement update = connection.prepareStatement(MessageTable.MARK_DELETED)) {
        for (Long seq : seqs) {
          update.setString(1, userID);
          update.setString(2, conversationID);
          update.setLong(3, seq);
          update.setString(4, userID);
          update.addBatch();
        }
        return update.executeBatch();
      }
    }).then();
  }

  @Override
  public Mono<Void> erase(String conversationID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return change(connection -> {
      long top = maxStoredSeq(connection, conversationID);
      try (PreparedStatement delete = connection.prepareStatement(MessageTable.DELETE);
          PreparedStatement mark = connection.prepareStatement(MessageTable.MARK_TOP)) {
        for (Long seq : seqs) {
          PreparedStatement statement = seq == top ? mark : delete;
          statement.setString(1, conversationID);
          statement.setLong(2, seq);
          statement.addBatch();
        }
        delete.executeBatch();
        mark.executeBatch();
      }
      return top;
    }).then();
  }

  @Override
  public Mono<Boolean> revoke(String conversationID, long seq, Revocation revocation) {
    return change(connection -> {
      try (PreparedStatement update = connection.prepareStatement(MessageTable.REVOKE)) {
        update.setInt(1, revocation.role());
        update.setString(2, revocation.userID());
        update.setString(3, revocation.nickname());
        update.setLong(4, revocation.time());
        update.setString(5, conversationID);
        update.setLong(6, seq);
        return update.executeUpdate() > 0;
      }
    });
  }

  @Override
  public Mono<Void> markRead(String conversationID, String readerUserID, Collection<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return change(connection -> {
      try (PreparedStatement update = connection.prepareStatement(MessageTable.MARK_READ)) {
        for (Long seq : seqs) {
          update.setString(1, conversationID);
          update.setLong(2, seq);
          update.setString(3, readerUserID);
          update.addBatch();
        }
        return update.executeBatch();
      }
    }).then();
  }

  @Override
  public Flux<StoredMessage> search(SearchQuery query, long skip, int limit) {
    if (limit <= 0) {
      return Flux.empty();
    }
    SearchFilter filter = SearchFilter.of(query);
    return jdbc(connection -> {
      try (PreparedStatement page = connection.prepareStatement(filter.page())) {
        int next = filter.bind(page);
        page.setInt(next, limit);
        page.setLong(next + 1, skip);
        return readSlots(page);
      }
    }).flatMapIterable(slots -> slots);
  }

  @Override
  public Mono<Long> count(SearchQuery query) {
    SearchFilter filter = SearchFilter.of(query);
    return jdbc(connection -> {
      try (PreparedStatement count = connection.prepareStatement(filter.count())) {
        filter.bind(count);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  @Override
  public Mono<Map<String, Long>> eraseSentBefore(Collection<String> conversationIDs, long sendTimeBefore) {
    String[] listed = conversationIDs.toArray(new String[0]);
    return jdbc(connection -> eraseByAge(connection, erasableByAge(connection, listed, sendTimeBefore),
            sendTimeBefore))
        .flatMap(erased -> checkpoints.durable().thenReturn(erased))
        .publishOn(scheduler);
  }

  /**
   * Stops this store's threads and shuts the database down, which writes the H2 file (compacting it briefly); the
   * journal is then deleted. Blocking.
   */
  @Override
  public void close() {
    scheduler.disposeGracefully().timeout(Duration.ofSeconds(10)).onErrorComplete().block();
    checkpoints.close(() -> {
      try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN");
      }
    });
    pool.dispose();
    log.info("Message store: closed {}.mv.db", file);
  }

  // ---- helpers ----

  /** Seqs close together are read by one range scan, the others one by one (see {@link MessageTable}). */
  private static List<StoredMessage> findSorted(Connection connection, String conversationID, long[] sorted)
      throws SQLException {
    List<StoredMessage> slots = new ArrayList<>(sorted.length);
    try (PreparedStatement range = connection.prepareStatement(MessageTable.FIND_IN_RANGE);
        PreparedStatement one = connection.prepareStatement(MessageTable.FIND_ONE)) {
      int from = 0;
      while (from < sorted.length) {
        int to = from + 1;
        while (to < sorted.length && sorted[to] - sorted[to - 1] <= RANGE_SLACK) {
          to++;
        }
        if (to - from == 1) {
          one.setString(1, conversationID);
          one.setLong(2, sorted[from]);
          slots.addAll(readSlots(one));
        } else {
          Long[] listed = new Long[to - from];
          for (int i = from; i < to; i++) {
            listed[i - from] = sorted[i];
          }
          range.setString(1, conversationID);
          range.setLong(2, sorted[from]);
          range.setLong(3, sorted[to - 1]);
          range.setObject(4, listed);
          slots.addAll(readSlots(range));
        }
        from = to;
      }
    }
    return slots;
  }

  /** Per conversation with slots sent before the cutoff: the highest erasable message seq, or null (markers only). */
  private static Map<String, @Nullable Long> erasableByAge(Connection connection, String[] listed, long before)
      throws SQLException {
    String sql = listed.length == 0 ? MessageTable.ERASABLE_BY_AGE_ALL : MessageTable.ERASABLE_BY_AGE_IN;
    try (PreparedStatement query = connection.prepareStatement(sql)) {
      query.setLong(1, before);
      if (listed.length > 0) {
        query.setObject(2, listed);
      }
      Map<String, @Nullable Long> erasable = new HashMap<>();
      try (ResultSet row = query.executeQuery()) {
        while (row.next()) {
          String conversationID = row.getString(1);
          long seq = row.getLong(2);
          erasable.put(conversationID, row.wasNull() ? null : seq);
        }
      }
      return erasable;
    }
  }

  /** Deletes the old slots in transactions of a bounded number of conversations. */
  private static Map<String, Long> eraseByAge(Connection connection, Map<String, @Nullable Long> erasable,
      long before) throws SQLException {
    Map<String, Long> erased = new HashMap<>();
    List<String> conversations = new ArrayList<>(erasable.keySet());
    for (int from = 0; from < conversations.size(); from += ERASE_CONVERSATIONS_PER_TRANSACTION) {
      List<String> chunk = conversations.subList(from,
          Math.min(conversations.size(), from + ERASE_CONVERSATIONS_PER_TRANSACTION));
      transaction(connection, c -> eraseOld(c, chunk, before));
      for (String conversationID : chunk) {
        Long seq = erasable.get(conversationID);
        if (seq != null) {
          erased.put(conversationID, seq);
        }
      }
    }
    return erased;
  }

  /** A conversation's old slots go, except its highest slot, which stays as a marker (maxStoredSeq holds). */
  private static int[] eraseOld(Connection connection, List<String> conversations, long before) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(MessageTable.DELETE_OLD_BELOW);
        PreparedStatement mark = connection.prepareStatement(MessageTable.MARK_OLD_TOP)) {
      for (String conversationID : conversations) {
        long top = maxStoredSeq(connection, conversationID);
        delete.setString(1, conversationID);
        delete.setLong(2, top);
        delete.setLong(3, before);
        delete.addBatch();
        mark.setString(1, conversationID);
        mark.setLong(2, top);
        mark.setLong(3, before);
        mark.addBatch();
      }
      mark.executeBatch();
      return delete.executeBatch();
    }
  }

  private static long maxStoredSeq(Connection connection, String conversationID) throws SQLException {
    try (PreparedStatement query = connection.prepareStatement(MessageTable.MAX_SEQ)) {
      query.setString(1, conversationID);
      try (ResultSet row = query.executeQuery()) {
        return row.next() ? row.getLong(1) : 0;
      }
    }
  }

  private static List<StoredMessage> readSlots(PreparedStatement query) throws SQLException {
    List<StoredMessage> slots = new ArrayList<>();
    try (ResultSet row = query.executeQuery()) {
      while (row.next()) {
        slots.add(MessageTable.readSlot(row));
      }
    }
    return slots;
  }

  /** JDBC work on one pooled connection. */
  @FunctionalInterface
  interface Work<T> {
    @Nullable T apply(Connection connection) throws SQLException;
  }

  /** A read on this store's scheduler. */
  <T> Mono<T> jdbc(Work<T> work) {
    return Mono.fromCallable(() -> {
      try (Connection connection = pool.getConnection()) {
        return work.apply(connection);
      }
    }).subscribeOn(scheduler);
  }

  /** A change on this store's scheduler: one transaction, in the H2 file when the Mono completes. */
  <T> Mono<T> change(Work<T> work) {
    return jdbc(connection -> transaction(connection, work))
        .flatMap(result -> checkpoints.durable().thenReturn(result))
        .publishOn(scheduler);
  }

  static <T> @Nullable T transaction(Connection connection, Work<T> work) throws SQLException {
    connection.setAutoCommit(false);
    try {
      T result = work.apply(connection);
      connection.commit();
      return result;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(true);
    }
  }

  private static IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("message store: cannot " + what + ": " + e.getMessage(), e);
  }
}
