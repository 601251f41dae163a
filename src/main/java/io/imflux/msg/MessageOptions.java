package io.imflux.msg;

import io.imflux.proto.sdkws.MsgData;
import java.util.Map;

/** The option flags of {@code MsgData.options} (spec/api-msg.md §12.4): a missing key means true. */
public final class MessageOptions {

  public static final String HISTORY = "history";
  public static final String PERSISTENT = "persistent";
  public static final String OFFLINE_PUSH = "offlinePush";
  public static final String UNREAD_COUNT = "unreadCount";
  public static final String CONVERSATION_UPDATE = "conversationUpdate";
  public static final String SENDER_SYNC = "senderSync";
  public static final String NOT_PRIVATE = "notPrivate";
  public static final String SENDER_CONVERSATION_UPDATE = "senderConversationUpdate";
  public static final String SENDER_NOTIFICATION_PUSH = "senderNotificationPush";
  public static final String REACTION_FROM_CACHE = "reactionFromCache";
  public static final String IS_NOT_NOTIFICATION = "isNotNotification";
  public static final String IS_SEND_MSG = "isSendMsg";

  private MessageOptions() {}

  public static boolean flag(MsgData msg, String key) {
    return msg.getOptionsOrDefault(key, true);
  }

  public static boolean isNotification(MsgData msg) {
    return !flag(msg, IS_NOT_NOTIFICATION);
  }

  public static boolean isStored(MsgData msg) {
    return flag(msg, HISTORY);
  }

  /** The notification defaults of spec/pipeline.md §4.2, before per-type changes. */
  public static Map<String, Boolean> notificationDefaults() {
    return Map.ofEntries(
        Map.entry(IS_NOT_NOTIFICATION, false), Map.entry(IS_SEND_MSG, false), Map.entry(HISTORY, false),
        Map.entry(PERSISTENT, false), Map.entry(OFFLINE_PUSH, false), Map.entry(UNREAD_COUNT, false),
        Map.entry(CONVERSATION_UPDATE, false), Map.entry(SENDER_SYNC, true), Map.entry(NOT_PRIVATE, false),
        Map.entry(SENDER_CONVERSATION_UPDATE, false), Map.entry(REACTION_FROM_CACHE, false));
  }
}
