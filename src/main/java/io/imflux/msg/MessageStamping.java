package io.imflux.msg;

import io.imflux.api.ImError;
import io.imflux.proto.sdkws.MsgData;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The field checks and server-side stamping every message gets (spec/api-msg.md §11.1, §11.2): a fresh
 * serverMsgID, the send time, and the options some content types must not have — applied even when the message
 * came without an options map (our decision, §16 Q9).
 */
@Component
public class MessageStamping {

  static final int CONTENT_REVOKE_LEGACY = 111;
  static final int CONTENT_TYPING = 113;
  public static final int CONTENT_OA_NOTIFICATION = 1400;
  public static final int CONTENT_HAS_READ_RECEIPT = 2200;

  private static final Map<Integer, List<String>> FORCED_OFF = Map.of(
      CONTENT_REVOKE_LEGACY, List.of(MessageOptions.UNREAD_COUNT, MessageOptions.OFFLINE_PUSH),
      CONTENT_HAS_READ_RECEIPT, List.of(MessageOptions.CONVERSATION_UPDATE,
          MessageOptions.SENDER_CONVERSATION_UPDATE, MessageOptions.UNREAD_COUNT, MessageOptions.OFFLINE_PUSH),
      CONTENT_TYPING, List.of(MessageOptions.HISTORY, MessageOptions.PERSISTENT, MessageOptions.SENDER_SYNC,
          MessageOptions.CONVERSATION_UPDATE, MessageOptions.SENDER_CONVERSATION_UPDATE,
          MessageOptions.UNREAD_COUNT, MessageOptions.OFFLINE_PUSH));

  private final Clock clock;

  public MessageStamping(Clock clock) {
    this.clock = clock;
  }

  /** Rejects what §11.1 rejects; session type 2 is the document's name for a group chat (dialects.md §4). */
  public MsgData check(MsgData msg) {
    if (msg.getSendID().isEmpty()) {
      throw ImError.args("sendID is empty");
    }
    if (msg.getContent().isEmpty()) {
      throw ImError.args("content is empty");
    }
    MsgData normalized = msg.getSessionType() == ConversationIds.WRITE_GROUP_CHAT
        ? msg.toBuilder().setSessionType(ConversationIds.GROUP_CHAT).build()
        : msg;
    boolean notificationChat = normalized.getSessionType() == ConversationIds.NOTIFICATION_CHAT;
    if (notificationChat != (normalized.getContentType() == CONTENT_OA_NOTIFICATION)) {
      throw ImError.args("notification msg must have correct session type and content type");
    }
    return normalized;
  }

  public MsgData stamp(MsgData msg) {
    MsgData.Builder stamped = msg.toBuilder().setServerMsgID(MsgIds.serverMsgID());
    if (msg.getSendTime() == 0) {
      stamped.setSendTime(clock.millis());
    }
    for (String option : FORCED_OFF.getOrDefault(msg.getContentType(), List.of())) {
      stamped.putOptions(option, false);
    }
    return stamped.build();
  }
}
