package io.imflux.conversation;

import io.imflux.cluster.SeqAllocator;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.ConversationReq;
import io.imflux.proto.wrappers.Int32Value;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What group membership does to members' group-chat records (spec/api-conversation.md §5.2), for the groups feature
 * to call after it stored the change. All are system changes: every changed owner gets 1300, whoever caused it (our
 * decision; the reference drops some of these).
 */
@Component
public class GroupConversations {

  /** groupAtType of a new group announcement (spec/common.md §6.6). */
  public static final int AT_GROUP_NOTIFICATION = 4;

  private final Conversations conversations;
  private final SetConversationsService setter;
  private final ConversationNotifier notifier;
  private final SeqAllocator seqs;

  GroupConversations(Conversations conversations, SetConversationsService setter, ConversationNotifier notifier,
      SeqAllocator seqs) {
    this.conversations = conversations;
    this.setter = setter;
    this.notifier = notifier;
    this.seqs = seqs;
  }

  /**
   * Users joined the group (directly, invited, or by an accepted application): each gets the {@code sg_} record if
   * missing, and their read cap is lifted (maxSeq 0 on the record and in their seqs).
   */
  public Mono<Void> joined(String groupID, Collection<String> userIDs) {
    String conversationID = ConversationIds.group(groupID);
    List<String> users = List.copyOf(new LinkedHashSet<>(userIDs));
    return conversations.create(users.stream()
            .map(user -> Conversations.blank(user, conversationID, ConversationIds.GROUP_CHAT, "", groupID).build())
            .toList())
        .then(capAt(conversationID, users, 0));
  }

  /** Users left or were removed: they keep their record but see nothing after the group chat's current max seq. */
  public Mono<Void> left(String groupID, Collection<String> userIDs) {
    String conversationID = ConversationIds.group(groupID);
    return seqs.conversation(conversationID)
        .flatMap(current -> capAt(conversationID, List.copyOf(new LinkedHashSet<>(userIDs)), current.maxSeq()));
  }

  /** A non-empty announcement was set: every member's record shows it ({@code groupAtType} 4). */
  public Mono<Void> announcementSet(String groupID, Collection<String> memberIDs) {
    return setter.apply(List.copyOf(new LinkedHashSet<>(memberIDs)), ConversationReq.newBuilder()
        .setConversationID(ConversationIds.group(groupID))
        .setConversationType(ConversationIds.GROUP_CHAT)
        .setGroupID(groupID)
        .setGroupAtType(Int32Value.newBuilder().setValue(AT_GROUP_NOTIFICATION))
        .build());
  }

  private Mono<Void> capAt(String conversationID, List<String> users, long maxSeq) {
    return Flux.fromIterable(users)
        .concatMap(user -> seqs.setUserMaxSeq(user, conversationID, maxSeq))
        .then(conversations.update(users, conversationID, ConversationPatch.of(ConversationPatch.MAX_SEQ, maxSeq)))
        .thenMany(Flux.fromIterable(users))
        .concatMap(user -> notifier.changed(user, conversationID))
        .then();
  }
}
