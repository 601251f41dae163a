package io.imflux.notification;

/** Notification content types the server emits (spec/common.md §6.4); the same numbers in both dialects. */
public final class NotificationTypes {

  public static final int FRIEND_APPLICATION_APPROVED = 1201;
  public static final int FRIEND_APPLICATION_REJECTED = 1202;
  public static final int FRIEND_APPLICATION = 1203;
  public static final int FRIEND_DELETED = 1205;
  public static final int FRIEND_REMARK_SET = 1206;
  public static final int BLACK_ADDED = 1207;
  public static final int BLACK_DELETED = 1208;
  public static final int FRIEND_INFO_UPDATED = 1209;
  public static final int FRIENDS_INFO_UPDATE = 1210;
  public static final int CONVERSATION_CHANGED = 1300;
  public static final int USER_INFO_UPDATED = 1303;
  public static final int USER_STATUS_CHANGE = 1304;
  public static final int USER_COMMAND_ADD = 1305;
  public static final int USER_COMMAND_DELETE = 1306;
  public static final int USER_COMMAND_UPDATE = 1307;
  public static final int USER_SUBSCRIBE_ONLINE_STATUS = 1308;
  public static final int CONVERSATION_PRIVATE_CHAT = 1701;

  private NotificationTypes() {}
}
