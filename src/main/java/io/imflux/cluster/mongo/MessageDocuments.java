package io.imflux.cluster.mongo;

import com.google.protobuf.InvalidProtocolBufferException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.imflux.cluster.MessageStore.Revocation;
import io.imflux.cluster.MessageStore.SearchQuery;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.proto.sdkws.MsgData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;

/**
 * The documents of the {@code msg} collection: one per stored message, {@code _id} = conversationID + ":" + seq,
 * the MsgData as BSON binary of its protobuf bytes ({@code msg}), the fields queries filter on, and the slot state of
 * spec/pipeline.md §8 ({@code revoke}, {@code del_list}, {@code is_read}). {@code msg} is null only on the body-less
 * marker that erasing leaves in a conversation's highest slot.
 */
final class MessageDocuments {

  static final String ID = "_id";
  static final String CONVERSATION_ID = "conversationID";
  static final String SEQ = "seq";
  static final String SERVER_MSG_ID = "serverMsgID";
  static final String SEND_ID = "sendID";
  static final String RECV_ID = "recvID";
  static final String GROUP_ID = "groupID";
  static final String SESSION_TYPE = "sessionType";
  static final String CONTENT_TYPE = "contentType";
  static final String SEND_TIME = "sendTime";
  static final String MSG = "msg";
  static final String REVOKE = "revoke";
  static final String DEL_LIST = "del_list";
  static final String IS_READ = "is_read";

  /** Holds a message (not an erased slot's marker). */
  static final Bson STORED = Filters.ne(MSG, null);

  /** Erasing a conversation's highest slot: no body, no state, no searchable fields; seq and sendTime stay. */
  static final Bson TO_MARKER = Updates.combine(
      Updates.set(MSG, null),
      Updates.unset(SERVER_MSG_ID), Updates.unset(SEND_ID), Updates.unset(RECV_ID), Updates.unset(GROUP_ID),
      Updates.unset(SESSION_TYPE), Updates.unset(CONTENT_TYPE), Updates.unset(REVOKE),
      Updates.set(DEL_LIST, List.of()), Updates.set(IS_READ, false));

  private MessageDocuments() {}

  static String id(String conversationID, long seq) {
    return conversationID + ":" + seq;
  }

  static List<String> ids(String conversationID, Collection<Long> seqs) {
    List<String> ids = new ArrayList<>(seqs.size());
    for (Long seq : seqs) {
      ids.add(id(conversationID, seq));
    }
    return ids;
  }

  static Document toDocument(String conversationID, MsgData msg) {
    return new Document(ID, id(conversationID, msg.getSeq()))
        .append(CONVERSATION_ID, conversationID)
        .append(SEQ, msg.getSeq())
        .append(SERVER_MSG_ID, msg.getServerMsgID())
        .append(SEND_ID, msg.getSendID())
        .append(RECV_ID, msg.getRecvID())
        .append(GROUP_ID, msg.getGroupID())
        .append(SESSION_TYPE, msg.getSessionType())
        .append(CONTENT_TYPE, msg.getContentType())
        .append(SEND_TIME, msg.getSendTime())
        .append(MSG, new Binary(msg.toByteArray()))
        .append(DEL_LIST, List.of())
        .append(IS_READ, false);
  }

  static StoredMessage toStored(Document document) {
    MsgData msg;
    try {
      msg = MsgData.parseFrom(document.get(MSG, Binary.class).getData());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("message " + document.get(ID) + " does not parse as MsgData", e);
    }
    Document revoke = document.get(REVOKE, Document.class);
    Revocation revocation = revoke == null ? null : new Revocation(revoke.getInteger("role", 0),
        revoke.getString("user_id"), revoke.getString("nickname"), ((Number) revoke.get("time")).longValue());
    return new StoredMessage(msg, revocation, Set.copyOf(document.getList(DEL_LIST, String.class, List.of())),
        document.getBoolean(IS_READ, false));
  }

  static Document toDocument(Revocation revocation) {
    return new Document("role", revocation.role())
        .append("user_id", revocation.userID())
        .append("nickname", revocation.nickname())
        .append("time", revocation.time());
  }

  /** Messages of chat conversations matching a search (spec/api-msg.md §6). */
  static Bson searchFilter(SearchQuery query) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.regex(CONVERSATION_ID, "^s[ig]_"));
    filters.add(STORED);
    if (!query.sendID().isEmpty()) {
      filters.add(Filters.eq(SEND_ID, query.sendID()));
    }
    if (!query.recvOrGroupID().isEmpty()) {
      filters.add(Filters.or(Filters.eq(RECV_ID, query.recvOrGroupID()), Filters.eq(GROUP_ID, query.recvOrGroupID())));
    }
    if (query.contentType() != 0) {
      filters.add(Filters.eq(CONTENT_TYPE, query.contentType()));
    }
    if (query.sessionType() != 0) {
      filters.add(Filters.eq(SESSION_TYPE, query.sessionType()));
    }
    if (query.sendTimeFrom() != 0) {
      filters.add(Filters.gte(SEND_TIME, query.sendTimeFrom()));
    }
    if (query.sendTimeTo() != 0) {
      filters.add(Filters.lt(SEND_TIME, query.sendTimeTo()));
    }
    return Filters.and(filters);
  }
}
