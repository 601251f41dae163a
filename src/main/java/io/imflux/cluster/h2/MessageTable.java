package io.imflux.cluster.h2;

import com.google.protobuf.InvalidProtocolBufferException;
import io.imflux.cluster.MessageStore.Revocation;
import io.imflux.cluster.MessageStore.SearchQuery;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.proto.sdkws.MsgData;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The SQL of the {@code messages} table: its schema, the statements, and the mapping between a row and a
 * {@link StoredMessage}. One row per stored message; {@code msg} (the MsgData's protobuf bytes) is NULL only on the
 * body-less marker that erasing leaves in a conversation's highest slot.
 *
 * <p>Two habits of H2's planner shape the statements: it uses only the conversation part of the primary key for
 * {@code seq IN (...)} or {@code seq = ANY(?)} (so lists of seqs become a bounded range or point lookups), and it
 * walks the key backwards only for {@code ORDER BY conversation_id DESC, seq DESC}.
 */
final class MessageTable {

  static final List<String> SCHEMA = List.of("""
      CREATE TABLE IF NOT EXISTS messages (
        conversation_id VARCHAR NOT NULL,
        seq BIGINT NOT NULL,
        server_msg_id VARCHAR NOT NULL,
        send_id VARCHAR NOT NULL,
        recv_id VARCHAR NOT NULL,
        group_id VARCHAR NOT NULL,
        session_type INT NOT NULL,
        content_type INT NOT NULL,
        send_time BIGINT NOT NULL,
        msg VARBINARY,
        revoke_role INT,
        revoke_user_id VARCHAR,
        revoke_nickname VARCHAR,
        revoke_time BIGINT,
        deleted_by VARCHAR ARRAY,
        is_read BOOLEAN DEFAULT FALSE NOT NULL,
        PRIMARY KEY (conversation_id, seq))""",
      // Search order and clean-up by age. No index on server_msg_id: its random keys made every append touch a
      // random page (measured +50% CPU per message and 3x the file size) for a lookup standalone mode never needs.
      "CREATE INDEX IF NOT EXISTS messages_send_time ON messages (send_time)");

  private static final String COLUMNS = """
      messages (conversation_id, seq, server_msg_id, send_id, recv_id, group_id, session_type, content_type,
        send_time, msg)""";

  static final String INSERT = "INSERT INTO " + COLUMNS + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Replaying the journal: what the H2 file already holds stays as it is. */
  static final String INSERT_IF_ABSENT = "INSERT INTO " + COLUMNS
      + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS"
      + " (SELECT 1 FROM messages WHERE conversation_id = ? AND seq = ?)";

  private static final String NEWEST_FIRST = " ORDER BY conversation_id DESC, seq DESC LIMIT 1";

  /** The highest slot, marker included. */
  static final String MAX_SEQ = "SELECT seq FROM messages WHERE conversation_id = ?" + NEWEST_FIRST;

  static final String SEQ_OF_SERVER_MSG_ID =
      "SELECT seq FROM messages WHERE conversation_id = ? AND server_msg_id = ? AND msg IS NOT NULL" + NEWEST_FIRST;

  private static final String SLOT_COLUMNS =
      "SELECT msg, revoke_role, revoke_user_id, revoke_nickname, revoke_time, deleted_by, is_read FROM messages ";

  /** Seqs close together: one range scan, keeping the listed ones. */
  static final String FIND_IN_RANGE = SLOT_COLUMNS
      + "WHERE conversation_id = ? AND seq BETWEEN ? AND ? AND seq = ANY(?) AND msg IS NOT NULL ORDER BY seq";

  /** Seqs far apart: one lookup each. */
  static final String FIND_ONE = SLOT_COLUMNS + "WHERE conversation_id = ? AND seq = ? AND msg IS NOT NULL";

  static final String FIND_LATEST = SLOT_COLUMNS
      + "WHERE conversation_id = ? AND seq <= ? AND msg IS NOT NULL" + NEWEST_FIRST;

  static final String LAST_SEQ_SENT_AT_OR_BEFORE =
      "SELECT seq FROM messages WHERE conversation_id = ? AND send_time <= ? AND msg IS NOT NULL" + NEWEST_FIRST;

  static final String MARK_DELETED = """
      UPDATE messages SET deleted_by = COALESCE(deleted_by, ARRAY[]) || ARRAY[CAST(? AS VARCHAR)]
      WHERE conversation_id = ? AND seq = ? AND msg IS NOT NULL
        AND (deleted_by IS NULL OR NOT ARRAY_CONTAINS(deleted_by, ?))""";

  static final String REVOKE = """
      UPDATE messages SET revoke_role = ?, revoke_user_id = ?, revoke_nickname = ?, revoke_time = ?
      WHERE conversation_id = ? AND seq = ? AND msg IS NOT NULL""";

  static final String MARK_READ = """
      UPDATE messages SET is_read = TRUE
      WHERE conversation_id = ? AND seq = ? AND msg IS NOT NULL AND send_id <> ?""";

  /** Erasing below the highest slot deletes the row. */
  static final String DELETE = "DELETE FROM messages WHERE conversation_id = ? AND seq = ?";

  /** Erasing the highest slot leaves the marker: no body, no state, no searchable fields. */
  private static final String TO_MARKER = """
      UPDATE messages SET msg = NULL, server_msg_id = '', send_id = '', recv_id = '', group_id = '',
        session_type = 0, content_type = 0, revoke_role = NULL, revoke_user_id = NULL, revoke_nickname = NULL,
        revoke_time = NULL, deleted_by = NULL, is_read = FALSE
      """;

  static final String MARK_TOP = TO_MARKER + "WHERE conversation_id = ? AND seq = ? AND msg IS NOT NULL";

  /** Per conversation with slots sent before the cutoff: the highest such seq that still held a message. */
  private static final String ERASABLE_BY_AGE =
      "SELECT conversation_id, MAX(CASE WHEN msg IS NOT NULL THEN seq END) FROM messages WHERE send_time < ? ";

  static final String ERASABLE_BY_AGE_ALL = ERASABLE_BY_AGE + "GROUP BY conversation_id";

  static final String ERASABLE_BY_AGE_IN =
      ERASABLE_BY_AGE + "AND conversation_id = ANY(?) GROUP BY conversation_id";

  static final String DELETE_OLD_BELOW =
      "DELETE FROM messages WHERE conversation_id = ? AND seq < ? AND send_time < ?";

  static final String MARK_OLD_TOP = TO_MARKER
      + "WHERE conversation_id = ? AND seq = ? AND send_time < ? AND msg IS NOT NULL";

  private MessageTable() {}

  /** Binds one message ({@code body} = its protobuf bytes) to {@link #INSERT} or {@link #INSERT_IF_ABSENT}. */
  static void bindInsert(PreparedStatement insert, String conversationID, MsgData msg, byte[] body)
      throws SQLException {
    insert.setString(1, conversationID);
    insert.setLong(2, msg.getSeq());
    insert.setString(3, msg.getServerMsgID());
    insert.setString(4, msg.getSendID());
    insert.setString(5, msg.getRecvID());
    insert.setString(6, msg.getGroupID());
    insert.setInt(7, msg.getSessionType());
    insert.setInt(8, msg.getContentType());
    insert.setLong(9, msg.getSendTime());
    insert.setBytes(10, body);
  }

  /** Reads the row the result set is on, selected with the slot columns of {@link #FIND_ONE}. */
  static StoredMessage readSlot(ResultSet row) throws SQLException {
    MsgData msg;
    try {
      msg = MsgData.parseFrom(row.getBytes(1));
    } catch (InvalidProtocolBufferException e) {
      throw new SQLException("a stored message does not parse as MsgData", e);
    }
    Revocation revocation = null;
    String revokerID = row.getString(3);
    if (revokerID != null) {
      revocation = new Revocation(row.getInt(2), revokerID, row.getString(4), row.getLong(5));
    }
    return new StoredMessage(msg, revocation, deletedBy(row.getArray(6)), row.getBoolean(7));
  }

  private static Set<String> deletedBy(@Nullable Array array) throws SQLException {
    if (array == null) {
      return Set.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String.class::cast).collect(Collectors.toUnmodifiableSet());
  }

  /** The WHERE clause of a search and its parameters, shared by the page query and the count. */
  record SearchFilter(String where, List<Object> parameters) {

    static SearchFilter of(SearchQuery query) {
      StringBuilder where = new StringBuilder(
          "WHERE msg IS NOT NULL AND LEFT(conversation_id, 3) IN ('si_', 'sg_')");
      List<Object> parameters = new ArrayList<>();
      if (!query.sendID().isEmpty()) {
        where.append(" AND send_id = ?");
        parameters.add(query.sendID());
      }
      if (!query.recvOrGroupID().isEmpty()) {
        where.append(" AND (recv_id = ? OR group_id = ?)");
        parameters.add(query.recvOrGroupID());
        parameters.add(query.recvOrGroupID());
      }
      if (query.contentType() != 0) {
        where.append(" AND content_type = ?");
        parameters.add(query.contentType());
      }
      if (query.sessionType() != 0) {
        where.append(" AND session_type = ?");
        parameters.add(query.sessionType());
      }
      if (query.sendTimeFrom() != 0) {
        where.append(" AND send_time >= ?");
        parameters.add(query.sendTimeFrom());
      }
      if (query.sendTimeTo() != 0) {
        where.append(" AND send_time < ?");
        parameters.add(query.sendTimeTo());
      }
      return new SearchFilter(where.toString(), parameters);
    }

    String page() {
      return SLOT_COLUMNS + where + " ORDER BY send_time, conversation_id, seq LIMIT ? OFFSET ?";
    }

    String count() {
      return "SELECT COUNT(*) FROM messages " + where;
    }

    /** Binds the filter's parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
      int index = 1;
      for (Object parameter : parameters) {
        statement.setObject(index++, parameter);
      }
      return index;
    }
  }
}
