package io.imflux.conversation;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.mongodb.client.model.Updates;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.conversation.ConversationReq;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.conversions.Bson;

/**
 * The fields one change sets on conversation records, by their {@code Conversation} field names (which are also the
 * stored field names). Immutable; an empty patch changes nothing.
 */
public final class ConversationPatch {

  public static final String RECV_MSG_OPT = "recvMsgOpt";
  public static final String IS_PINNED = "isPinned";
  public static final String ATTACHED_INFO = "attachedInfo";
  public static final String EX = "ex";
  public static final String BURN_DURATION = "burnDuration";
  public static final String GROUP_AT_TYPE = "groupAtType";
  public static final String MSG_DESTRUCT_TIME = "msgDestructTime";
  public static final String IS_MSG_DESTRUCT = "isMsgDestruct";
  public static final String IS_PRIVATE_CHAT = "isPrivateChat";
  public static final String MIN_SEQ = "minSeq";
  public static final String MAX_SEQ = "maxSeq";
  public static final String LATEST_MSG_DESTRUCT_TIME = "latestMsgDestructTime";

  private static final ConversationPatch EMPTY = new ConversationPatch(Map.of());

  private final Map<String, Object> values;

  private ConversationPatch(Map<String, Object> values) {
    this.values = Collections.unmodifiableMap(values);
  }

  public static ConversationPatch empty() {
    return EMPTY;
  }

  public static ConversationPatch of(String field, Object value) {
    return EMPTY.with(field, value);
  }

  /**
   * The fields set_conversations applies (spec/api-conversation.md §6.5): those present in the request, except
   * {@code minSeq} and {@code maxSeq} (ignored) and {@code isPrivateChat} (handled by the private-chat sync).
   */
  public static ConversationPatch applied(ConversationReq req) {
    ConversationPatch patch = EMPTY;
    if (req.hasRecvMsgOpt()) {
      patch = patch.with(RECV_MSG_OPT, req.getRecvMsgOpt().getValue());
    }
    if (req.hasIsPinned()) {
      patch = patch.with(IS_PINNED, req.getIsPinned().getValue());
    }
    if (req.hasAttachedInfo()) {
      patch = patch.with(ATTACHED_INFO, req.getAttachedInfo().getValue());
    }
    if (req.hasEx()) {
      patch = patch.with(EX, req.getEx().getValue());
    }
    if (req.hasBurnDuration()) {
      patch = patch.with(BURN_DURATION, req.getBurnDuration().getValue());
    }
    if (req.hasGroupAtType()) {
      patch = patch.with(GROUP_AT_TYPE, req.getGroupAtType().getValue());
    }
    if (req.hasMsgDestructTime()) {
      patch = patch.with(MSG_DESTRUCT_TIME, req.getMsgDestructTime().getValue());
    }
    if (req.hasIsMsgDestruct()) {
      patch = patch.with(IS_MSG_DESTRUCT, req.getIsMsgDestruct().getValue());
    }
    return patch;
  }

  /** This patch with one more field; the value's type must be the field's (Integer, Long, Boolean, String). */
  public ConversationPatch with(String field, Object value) {
    FieldDescriptor descriptor = descriptor(field);
    if (!descriptor.getDefaultValue().getClass().isInstance(value)) {
      throw new IllegalArgumentException(field + " takes " + descriptor.getDefaultValue().getClass().getSimpleName());
    }
    Map<String, Object> next = new LinkedHashMap<>(values);
    next.put(field, value);
    return new ConversationPatch(next);
  }

  public boolean isEmpty() {
    return values.isEmpty();
  }

  public boolean has(String field) {
    return values.containsKey(field);
  }

  /** Whether applying the patch would change the record (set_conversations notifies only those owners). */
  public boolean changes(Conversation record) {
    for (Map.Entry<String, Object> field : values.entrySet()) {
      if (!Objects.equals(record.getField(descriptor(field.getKey())), field.getValue())) {
        return true;
      }
    }
    return false;
  }

  public Conversation applyTo(Conversation record) {
    Conversation.Builder changed = record.toBuilder();
    values.forEach((field, value) -> changed.setField(descriptor(field), value));
    return changed.build();
  }

  Bson updates() {
    List<Bson> updates = new ArrayList<>(values.size());
    values.forEach((field, value) -> updates.add(Updates.set(field, value)));
    return Updates.combine(updates);
  }

  @Override
  public String toString() {
    return values.toString();
  }

  private static FieldDescriptor descriptor(String field) {
    FieldDescriptor descriptor = Conversation.getDescriptor().findFieldByName(field);
    if (descriptor == null) {
      throw new IllegalArgumentException("no conversation field " + field);
    }
    return descriptor;
  }
}
