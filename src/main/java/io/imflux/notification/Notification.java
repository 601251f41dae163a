package io.imflux.notification;

import com.google.protobuf.Message;

/**
 * A system notification a change emits (spec/notifications.md): {@code contentType} from sender to receiver in a
 * session type, carrying a tips message that travels as {@code {"detail":"<tips as JSON>"}}.
 *
 * @param contentType the reference's notification content type (1303 UserInfoUpdatedNotification ...)
 * @param sendID      who the notification is from (often the operator or the changed user)
 * @param recvID      the user (or group) that receives it
 * @param sessionType 1 single chat for user and friend notifications, 3 for group notifications
 * @param tips        the tips message (sdkws.*Tips)
 * @param stored      reliability level 2: stored with a seq in the {@code n_} conversation (the message module's
 *                    2101, 2102 and 2200 to a peer, spec/pipeline.md §4.2); otherwise online only
 */
public record Notification(int contentType, String sendID, String recvID, int sessionType, Message tips,
    boolean stored) {

  public static final int SINGLE_CHAT = 1;
  public static final int GROUP_CHAT = 3;

  public Notification(int contentType, String sendID, String recvID, int sessionType, Message tips) {
    this(contentType, sendID, recvID, sessionType, tips, false);
  }

  public static Notification toUser(int contentType, String sendID, String recvID, Message tips) {
    return new Notification(contentType, sendID, recvID, SINGLE_CHAT, tips);
  }
}
