package io.imflux.cluster.h2;

import io.imflux.cluster.SeqAllocator.UserSeq;
import io.imflux.cluster.UserSeqStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Per-user seqs in the embedded H2 database beside the messages, table {@code user_seqs}. The embedded Mongo-wire
 * store compares its index keys by Java-serialising them, which made the once-a-second write of every moved read seq
 * its busiest work under load; a typed primary key here costs a fraction of that.
 */
final class H2UserSeqStore implements UserSeqStore {

  static final List<String> SCHEMA = List.of("""
      CREATE TABLE IF NOT EXISTS user_seqs (
        user_id VARCHAR NOT NULL,
        conversation_id VARCHAR NOT NULL,
        min_seq BIGINT NOT NULL,
        max_seq BIGINT NOT NULL,
        read_seq BIGINT NOT NULL,
        PRIMARY KEY (user_id, conversation_id))""");

  private static final String SELECT =
      "SELECT min_seq, max_seq, read_seq FROM user_seqs WHERE user_id = ? AND conversation_id = ?";
  private static final String MERGE =
      "MERGE INTO user_seqs (user_id, conversation_id, min_seq, max_seq, read_seq) KEY (user_id, conversation_id)"
          + " VALUES (?, ?, ?, ?, ?)";

  private final H2MessageStore database;

  H2UserSeqStore(H2MessageStore database) {
    this.database = database;
  }

  @Override
  public Mono<UserSeq> load(String userID, String conversationID) {
    return database.jdbc(connection -> {
      try (PreparedStatement select = connection.prepareStatement(SELECT)) {
        select.setString(1, userID);
        select.setString(2, conversationID);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? new UserSeq(row.getLong(1), row.getLong(2), row.getLong(3)) : null;
        }
      }
    });
  }

  @Override
  public Mono<Void> saveAll(Collection<Entry> entries) {
    if (entries.isEmpty()) {
      return Mono.empty();
    }
    return database.change(connection -> {
      try (PreparedStatement merge = connection.prepareStatement(MERGE)) {
        for (Entry entry : entries) {
          merge.setString(1, entry.userID());
          merge.setString(2, entry.conversationID());
          merge.setLong(3, entry.seq().minSeq());
          merge.setLong(4, entry.seq().maxSeq());
          merge.setLong(5, entry.seq().readSeq());
          merge.addBatch();
        }
        return merge.executeBatch();
      }
    }).then();
  }
}
