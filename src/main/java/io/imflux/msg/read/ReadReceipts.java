package io.imflux.msg.read;

import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageStamping;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationSender;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.sdkws.MarkAsReadTips;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Sends HasReadReceipt (2200) with {@code MarkAsReadTips} (spec/api-msg.md §14): stored when it goes to someone else
 * (the peer, or the group), online only when it goes to the user's own devices.
 */
@Component
class ReadReceipts {

  private final NotificationSender notifications;

  ReadReceipts(NotificationSender notifications) {
    this.notifications = notifications;
  }

  /**
   * To the other side of the user's conversation, in its session type: the peer of a single or notification chat,
   * or the group of a group chat.
   */
  Mono<Void> toConversation(Conversation conversation, String userID, List<Long> seqs, long hasReadSeq) {
    int sessionType = conversation.getConversationType();
    String recvID = sessionType == ConversationIds.GROUP_CHAT ? conversation.getGroupID() : conversation.getUserID();
    if (recvID.isEmpty()) {
      return Mono.empty();
    }
    return notifications.send(new Notification(MessageStamping.CONTENT_HAS_READ_RECEIPT, userID, recvID, sessionType,
        tips(userID, conversation.getConversationID(), seqs, hasReadSeq), !recvID.equals(userID)));
  }

  /** To the user's own devices (multi-device sync), as a single-chat notification that is not stored. */
  Mono<Void> toSelf(String userID, String conversationID, List<Long> seqs, long hasReadSeq) {
    return notifications.send(new Notification(MessageStamping.CONTENT_HAS_READ_RECEIPT, userID, userID,
        Notification.SINGLE_CHAT, tips(userID, conversationID, seqs, hasReadSeq), false));
  }

  private static MarkAsReadTips tips(String userID, String conversationID, List<Long> seqs, long hasReadSeq) {
    return MarkAsReadTips.newBuilder()
        .setMarkAsReadUserID(userID)
        .setConversationID(conversationID)
        .addAllSeqs(seqs)
        .setHasReadSeq(hasReadSeq)
        .build();
  }
}
