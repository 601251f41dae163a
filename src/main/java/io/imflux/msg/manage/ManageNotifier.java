package io.imflux.msg.manage;

import com.google.protobuf.Message;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationSender;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.sdkws.ClearConversationTips;
import io.imflux.proto.sdkws.DeleteMsgsTips;
import io.imflux.proto.sdkws.RevokeMsgTips;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The notifications of the management routes (spec/api-msg.md §14): 2101 and 2102 stored in the {@code n_}
 * conversation, 1703 online only (the record's 1300 is the conversation feature's). Fire-and-forget: a
 * notification that fails never fails the change that caused it.
 */
@Component
class ManageNotifier {

  static final int CLEAR_CONVERSATION = 1703;
  static final int MSG_REVOKED = MessageReader.CONTENT_REVOKED;
  static final int MSGS_DELETED = 2102;

  private static final Logger log = LoggerFactory.getLogger(ManageNotifier.class);

  private final NotificationSender sender;

  ManageNotifier(NotificationSender sender) {
    this.sender = sender;
  }

  Mono<Void> revoked(String sendID, String recvID, RevokeMsgTips tips) {
    return send(new Notification(MSG_REVOKED, sendID, recvID, tips.getSesstionType(), tips, true));
  }

  /** 2102 to the user's own devices (session type 1), after a delete for themselves with {@code IsSyncSelf}. */
  Mono<Void> deletedForSelf(String userID, String conversationID, List<Long> seqs) {
    return send(new Notification(MSGS_DELETED, userID, userID, ConversationIds.SINGLE_CHAT,
        deleteTips(userID, conversationID, seqs), true));
  }

  /** 2102 to the peer or group of the user's conversation record, after a delete for everyone. */
  Mono<Void> deletedForEveryone(String userID, Conversation conversation, List<Long> seqs) {
    return send(new Notification(MSGS_DELETED, userID, recipient(conversation), conversation.getConversationType(),
        deleteTips(userID, conversation.getConversationID(), seqs), true));
  }

  /** 1703 to the user's own devices listing every conversation they cleared for themselves. */
  Mono<Void> clearedForSelf(String userID, List<String> conversationIDs) {
    return send(new Notification(CLEAR_CONVERSATION, userID, userID, ConversationIds.SINGLE_CHAT,
        clearTips(userID, conversationIDs)));
  }

  /** 1703 to the peer or group of a conversation cleared for everyone. */
  Mono<Void> clearedForEveryone(String userID, Conversation conversation) {
    return send(new Notification(CLEAR_CONVERSATION, userID, recipient(conversation),
        conversation.getConversationType(), clearTips(userID, List.of(conversation.getConversationID()))));
  }

  /** The other side of a user's conversation record: the group of a group chat, else the peer user. */
  private static String recipient(Conversation conversation) {
    return conversation.getConversationType() == ConversationIds.GROUP_CHAT
        ? conversation.getGroupID()
        : conversation.getUserID();
  }

  private static Message deleteTips(String userID, String conversationID, List<Long> seqs) {
    return DeleteMsgsTips.newBuilder().setUserID(userID).setConversationID(conversationID).addAllSeqs(seqs).build();
  }

  private static Message clearTips(String userID, List<String> conversationIDs) {
    return ClearConversationTips.newBuilder().setUserID(userID).addAllConversationIDs(conversationIDs).build();
  }

  private Mono<Void> send(Notification notification) {
    return Mono.defer(() -> sender.send(notification)).onErrorResume(error -> {
      log.warn("notification {} to {} failed", notification.contentType(), notification.recvID(), error);
      return Mono.empty();
    });
  }
}
