package io.imflux.cluster.h2;

import com.google.protobuf.InvalidProtocolBufferException;
import io.imflux.cluster.h2.MessageJournal.Batch;
import io.imflux.proto.sdkws.MsgData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opening the H2 message store after a crash: inserts what the journal recorded and the H2 file lacks (an append
 * acked before H2 wrote its file), then checkpoints and deletes the journal.
 */
final class JournalRecovery {

  private static final Logger log = LoggerFactory.getLogger(JournalRecovery.class);

  private JournalRecovery() {}

  /** Replays and deletes the journal in {@code directory}; returns the highest segment number seen (0 for none). */
  static long recover(Connection connection, Path directory) throws SQLException {
    List<Path> segments = MessageJournal.segments(directory);
    if (segments.isEmpty()) {
      return 0;
    }
    int inserted = 0;
    for (Path segment : segments) {
      for (Batch batch : MessageJournal.read(segment)) {
        inserted += H2MessageStore.transaction(connection, c -> insertMissing(c, batch));
      }
    }
    Checkpoints.writeH2File(connection);
    for (Path segment : segments) {
      try {
        Files.deleteIfExists(segment);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot delete " + segment, e);
      }
    }
    log.info("Message store: replayed {} journal segment(s), {} message(s) were missing from the H2 file",
        segments.size(), inserted);
    return MessageJournal.number(segments.get(segments.size() - 1));
  }

  private static Integer insertMissing(Connection connection, Batch batch) throws SQLException {
    int inserted = 0;
    try (PreparedStatement insert = connection.prepareStatement(MessageTable.INSERT_IF_ABSENT)) {
      for (byte[] body : batch.messages()) {
        MsgData msg;
        try {
          msg = MsgData.parseFrom(body);
        } catch (InvalidProtocolBufferException e) {
          throw new SQLException("a journaled message does not parse as MsgData", e);
        }
        MessageTable.bindInsert(insert, batch.conversationID(), msg, body);
        insert.setString(11, batch.conversationID());
        insert.setLong(12, msg.getSeq());
        inserted += insert.executeUpdate();
      }
    }
    return inserted;
  }
}
