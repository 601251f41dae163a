package io.imflux.pipeline;

import io.imflux.conversation.ConversationStore;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.sdkws.MsgData;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates the conversation records a chat conversation's first stored message calls for (spec/pipeline.md §13):
 * both users of a single chat, every current member of a group, the receiver of a notification chat.
 */
@Component
public class ConversationRecords {

  private final ConversationStore conversations;
  private final GroupDirectory groups;

  public ConversationRecords(ConversationStore conversations, GroupDirectory groups) {
    this.conversations = conversations;
    this.groups = groups;
  }

  public Mono<Void> createFor(String conversationID, MsgData first) {
    return switch (first.getSessionType()) {
      case ConversationIds.SINGLE_CHAT -> conversations.createIfAbsent(first.getSendID().equals(first.getRecvID())
          ? List.of(single(conversationID, first.getSendID(), first.getRecvID(), first.getSessionType()))
          : List.of(single(conversationID, first.getSendID(), first.getRecvID(), first.getSessionType()),
              single(conversationID, first.getRecvID(), first.getSendID(), first.getSessionType())));
      case ConversationIds.NOTIFICATION_CHAT -> conversations.createIfAbsent(
          List.of(single(conversationID, first.getRecvID(), first.getSendID(), first.getSessionType())));
      case ConversationIds.GROUP_CHAT -> groups.memberIDs(first.getGroupID())
          .map(member -> Conversation.newBuilder()
              .setOwnerUserID(member)
              .setConversationID(conversationID)
              .setConversationType(ConversationIds.GROUP_CHAT)
              .setGroupID(first.getGroupID())
              .build())
          .collectList()
          .flatMap(conversations::createIfAbsent);
      default -> Mono.empty();
    };
  }

  private static Conversation single(String conversationID, String owner, String peer, int sessionType) {
    return Conversation.newBuilder()
        .setOwnerUserID(owner)
        .setConversationID(conversationID)
        .setConversationType(sessionType)
        .setUserID(peer)
        .build();
  }
}
