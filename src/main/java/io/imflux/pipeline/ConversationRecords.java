package io.imflux.pipeline;

import io.imflux.conversation.Conversations;
import io.imflux.conversation.DeletedConversations;
import io.imflux.conversation.DeletedConversations.Deletion;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.sdkws.MsgData;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The conversation records a stored batch of a chat conversation calls for. Its first message creates them
 * (spec/pipeline.md §13): both users of a single chat, every current member of a group, the receiver of a
 * notification chat. A later message re-creates the records of those same participants who deleted theirs
 * (spec/api-conversation.md §5.1, our decision), which costs one cached lookup per batch when nobody did.
 */
@Component
public class ConversationRecords {

  private static final Logger log = LoggerFactory.getLogger(ConversationRecords.class);

  private final Conversations conversations;
  private final DeletedConversations deleted;
  private final GroupDirectory groups;

  public ConversationRecords(Conversations conversations, DeletedConversations deleted, GroupDirectory groups) {
    this.conversations = conversations;
    this.deleted = deleted;
    this.groups = groups;
  }

  /**
   * Completes when the records exist. Their version-log inserts follow in the background: a group's first message
   * would otherwise hold its shard for one log write per member.
   */
  public Mono<Void> afterStored(String conversationID, long lastSeq, MsgData first) {
    if (lastSeq == 0) {
      return participants(conversationID, first).collectList().flatMap(this::create);
    }
    return deleted.of(conversationID).flatMap(deletions -> recreate(conversationID, first, deletions));
  }

  private Mono<Void> recreate(String conversationID, MsgData msg, List<Deletion> deletions) {
    List<String> owners = deletions.stream().map(Deletion::ownerUserID).distinct().toList();
    // Owners no longer in the conversation (a group they left) are forgotten too: joining again creates theirs.
    return participants(conversationID, msg)
        .filter(record -> owners.contains(record.getOwnerUserID()))
        .collectList()
        .flatMap(this::create)
        .then(deleted.forget(conversationID, deletions));
  }

  private Mono<Void> create(List<Conversation> wanted) {
    return conversations.createRecords(wanted).doOnNext(created -> conversations.logCreated(created)
            .subscribe(null, e -> log.warn("version log of created conversations {} failed", created, e)))
        .then();
  }

  /**
   * The records a message's conversation has: both users of a single chat, the receiver of a notification chat,
   * every current member of a group. For a group's first message a member's existing record would only get maxSeq
   * reset to 0 (spec §5.1), which it already is: a cap set on leaving is the group's max seq, 0 before any message.
   */
  private Flux<Conversation> participants(String conversationID, MsgData msg) {
    return switch (msg.getSessionType()) {
      case ConversationIds.SINGLE_CHAT -> msg.getSendID().equals(msg.getRecvID())
          ? Flux.just(single(conversationID, msg.getSendID(), msg.getRecvID(), msg.getSessionType()))
          : Flux.just(single(conversationID, msg.getSendID(), msg.getRecvID(), msg.getSessionType()),
              single(conversationID, msg.getRecvID(), msg.getSendID(), msg.getSessionType()));
      case ConversationIds.NOTIFICATION_CHAT ->
          Flux.just(single(conversationID, msg.getRecvID(), msg.getSendID(), msg.getSessionType()));
      case ConversationIds.GROUP_CHAT -> groups.memberIDs(msg.getGroupID())
          .map(member -> Conversations.blank(member, conversationID, ConversationIds.GROUP_CHAT, "",
              msg.getGroupID()).build());
      default -> Flux.empty();
    };
  }

  private static Conversation single(String conversationID, String owner, String peer, int sessionType) {
    return Conversations.blank(owner, conversationID, sessionType, peer, "").build();
  }
}
