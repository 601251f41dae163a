package io.imflux.msg;

import io.imflux.api.ImError;
import io.imflux.proto.sdkws.MsgData;

/** Conversation IDs by session type (spec/pipeline.md §3). Users are ordered by byte order of their IDs. */
public final class ConversationIds {

  public static final int SINGLE_CHAT = 1;
  public static final int WRITE_GROUP_CHAT = 2;
  public static final int GROUP_CHAT = 3;
  public static final int NOTIFICATION_CHAT = 4;

  private ConversationIds() {}

  /** The conversation a message belongs to: its chat conversation, or the {@code n_} twin for notifications. */
  public static String of(MsgData msg, boolean notification) {
    String chat = chat(msg);
    return notification ? notificationTwin(chat) : chat;
  }

  /** The chat conversation of a message ({@code si_}, {@code sg_}, {@code sn_}). */
  public static String chat(MsgData msg) {
    return switch (msg.getSessionType()) {
      case SINGLE_CHAT -> single(msg.getSendID(), msg.getRecvID());
      case GROUP_CHAT -> group(msg.getGroupID());
      case NOTIFICATION_CHAT -> "sn_" + pair(msg.getSendID(), msg.getRecvID());
      default -> throw ImError.args("unknown sessionType");
    };
  }

  public static String single(String a, String b) {
    return "si_" + pair(a, b);
  }

  public static String group(String groupID) {
    return "sg_" + groupID;
  }

  /** The notification twin: the text before the first {@code _} replaced by {@code n}. */
  public static String notificationTwin(String conversationID) {
    int underscore = conversationID.indexOf('_');
    return underscore < 0 ? "n_" + conversationID : "n" + conversationID.substring(underscore);
  }

  /** A user's self-notification conversation. */
  public static String self(String userID) {
    return "n_" + userID + "_" + userID;
  }

  public static boolean isNotification(String conversationID) {
    return conversationID.startsWith("n_");
  }

  public static boolean isGroup(String conversationID) {
    return conversationID.startsWith("sg_") || conversationID.startsWith("g_");
  }

  private static String pair(String a, String b) {
    return compareBytes(a, b) <= 0 ? a + "_" + b : b + "_" + a;
  }

  /** Byte order of the UTF-8 encodings, as Go compares strings. */
  static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] y = b.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }
}
