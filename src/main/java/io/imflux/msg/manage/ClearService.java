package io.imflux.msg.manage;

import io.imflux.api.ApiRequest;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.cluster.SeqAllocator;
import io.imflux.conversation.ConversationNotifier;
import io.imflux.conversation.ConversationPatch;
import io.imflux.conversation.ConversationStore;
import io.imflux.conversation.Conversations;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.msg.ClearConversationsMsgReq;
import io.imflux.proto.msg.DeleteSyncOpt;
import io.imflux.proto.msg.UserClearAllMsgReq;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/clear_conversation_msg} and {@code /msg/user_clear_all_msg} (spec/api-msg.md §9.1, §9.2): every seq up
 * to the conversation's max seq M becomes invisible, for the user alone (their min seq and their record's minSeq go
 * to M+1) or, with {@code IsSyncOther}, for everyone (the conversation's min seq); then the user's read seq is M.
 */
@Service
class ClearService {

  /** Conversations cleared at once by one request (user_clear_all_msg may list hundreds). */
  private static final int CONCURRENCY = 16;

  private final ConversationStore conversations;
  private final Conversations changedRecords;
  private final ConversationNotifier changes;
  private final SeqAllocator seqs;
  private final GroupDirectory groups;
  private final ManageNotifier notifier;

  ClearService(ConversationStore conversations, Conversations records, ConversationNotifier changes, SeqAllocator seqs,
      GroupDirectory groups, ManageNotifier notifier) {
    this.conversations = conversations;
    this.changedRecords = records;
    this.changes = changes;
    this.seqs = seqs;
    this.groups = groups;
    this.notifier = notifier;
  }

  Mono<Void> clear(ApiRequest<ClearConversationsMsgReq> request) {
    return Mono.defer(() -> {
      ClearConversationsMsgReq req = request.body();
      ManageChecks.requireList(request.has("conversationIDs"), "conversationIDs");
      ManageChecks.requireUserID(req.getUserID());
      request.operator().requireSelfOrAdmin(req.getUserID());
      return clear(request.operator(), req.getUserID(), req.getConversationIDsList().stream().distinct().toList(),
          req.getDeleteSyncOpt());
    });
  }

  Mono<Void> clearAll(ApiRequest<UserClearAllMsgReq> request) {
    return Mono.defer(() -> {
      UserClearAllMsgReq req = request.body();
      ManageChecks.requireUserID(req.getUserID());
      request.operator().requireSelfOrAdmin(req.getUserID());
      return conversations.conversationIDs(req.getUserID())
          .flatMap(ids -> clear(request.operator(), req.getUserID(), ids, req.getDeleteSyncOpt()));
    });
  }

  /** Only the conversations the user has a record of, in the order asked; the others are silently ignored. */
  private Mono<Void> clear(Operator operator, String userID, List<String> conversationIDs, DeleteSyncOpt options) {
    return conversations.findAll(userID, conversationIDs)
        .sort(Comparator.comparingInt(record -> conversationIDs.indexOf(record.getConversationID())))
        .collectList()
        .flatMap(records -> options.getIsSyncOther()
            ? requireMayClearGroups(operator, userID, records).then(Mono.defer(() -> forEveryone(userID, records)))
            : forSelf(userID, records, options.getIsSyncSelf()));
  }

  private Mono<Void> forSelf(String userID, List<Conversation> records, boolean syncSelf) {
    Mono<Void> cleared = Flux.fromIterable(records)
        .flatMap(record -> maxSeq(record).flatMap(max -> {
          String conversationID = record.getConversationID();
          return seqs.setUserMinSeq(userID, conversationID, max + 1)
              .then(changedRecords.update(List.of(userID), conversationID,
                  ConversationPatch.of(ConversationPatch.MIN_SEQ, max + 1)))
              .then(changes.changed(userID, conversationID))
              .then(seqs.setReadSeq(userID, conversationID, max));
        }), CONCURRENCY)
        .then();
    return syncSelf
        ? cleared.then(notifier.clearedForSelf(userID, records.stream().map(Conversation::getConversationID).toList()))
        : cleared;
  }

  private Mono<Void> forEveryone(String userID, List<Conversation> records) {
    return Flux.fromIterable(records)
        .flatMap(record -> maxSeq(record).flatMap(max -> seqs.raiseMinSeq(record.getConversationID(), max + 1)
            .then(notifier.clearedForEveryone(userID, record))
            .then(seqs.setReadSeq(userID, record.getConversationID(), max))), CONCURRENCY)
        .then();
  }

  /**
   * Clearing a group chat for everyone takes its owner, an admin of it, or an app admin (our decision Q12; the
   * reference lets any member). Checked for every group first, so a refused request clears nothing.
   */
  private Mono<Void> requireMayClearGroups(Operator operator, String userID, List<Conversation> records) {
    if (operator.admin()) {
      return Mono.empty();
    }
    return Flux.fromIterable(records)
        .filter(record -> record.getConversationType() == ConversationIds.GROUP_CHAT)
        .concatMap(record -> groups.member(record.getGroupID(), userID)
            .filter(member -> member.roleLevel() == GroupDirectory.ROLE_OWNER
                || member.roleLevel() == GroupDirectory.ROLE_ADMIN)
            .switchIfEmpty(Mono.error(() -> ImError.noPermission(
                "only the group's owner or an admin can clear " + record.getConversationID() + " for everyone"))))
        .then();
  }

  private Mono<Long> maxSeq(Conversation record) {
    return seqs.conversation(record.getConversationID()).map(SeqAllocator.ConversationSeq::maxSeq);
  }
}
