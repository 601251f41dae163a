package io.imflux.conversation;

import io.imflux.notification.Notification;
import io.imflux.notification.NotificationSender;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.sdkws.ConversationSetPrivateTips;
import io.imflux.proto.sdkws.ConversationUpdateTips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The notifications of conversation changes (spec/notifications.md §4.5): 1300 to the owner's own devices after
 * their record changed, 1701 from an owner to the peer after set_conversations touched private chat. Clients answer
 * both with an incremental conversation sync. Fire-and-forget: a failed notification never fails the change.
 */
@Component
public class ConversationNotifier {

  private static final Logger log = LoggerFactory.getLogger(ConversationNotifier.class);

  private final NotificationSender sender;

  public ConversationNotifier(NotificationSender sender) {
    this.sender = sender;
  }

  /** 1300 from the owner to the owner, one conversation per notification as the reference sends it. */
  public Mono<Void> changed(String ownerUserID, String conversationID) {
    return send(Notification.toUser(NotificationTypes.CONVERSATION_CHANGED, ownerUserID, ownerUserID,
        ConversationUpdateTips.newBuilder().setUserID(ownerUserID).addConversationIDList(conversationID).build()));
  }

  /** 1701 from the owner to the peer; its chat copy lands in their single chat. */
  Mono<Void> privateChatSet(String ownerUserID, String peerUserID, boolean isPrivate, String conversationID) {
    return send(Notification.toUser(NotificationTypes.CONVERSATION_PRIVATE_CHAT, ownerUserID, peerUserID,
        ConversationSetPrivateTips.newBuilder()
            .setRecvID(peerUserID)
            .setSendID(ownerUserID)
            .setIsPrivate(isPrivate)
            .setConversationID(conversationID)
            .build()));
  }

  private Mono<Void> send(Notification notification) {
    return Mono.defer(() -> sender.send(notification)).onErrorResume(error -> {
      log.warn("notification {} to {} failed", notification.contentType(), notification.recvID(), error);
      return Mono.empty();
    });
  }
}
