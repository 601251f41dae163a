package io.imflux.msg.manage;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.cluster.MessageStore;
import io.imflux.conversation.ConversationStore;
import io.imflux.msg.MessageReader;
import io.imflux.proto.msg.DeleteMsgsReq;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/delete_msgs} (spec/api-msg.md §9.3): by default a logical delete for the user alone; with
 * {@code IsSyncOther} an erase for everyone, allowed only seq by seq under the revoke rules (our decision Q11).
 */
@Service
class DeleteMsgsService {

  private final MessageStore store;
  private final MessageReader reader;
  private final ConversationStore conversations;
  private final RemovalRules rules;
  private final ManageNotifier notifier;

  DeleteMsgsService(MessageStore store, MessageReader reader, ConversationStore conversations, RemovalRules rules,
      ManageNotifier notifier) {
    this.store = store;
    this.reader = reader;
    this.conversations = conversations;
    this.rules = rules;
    this.notifier = notifier;
  }

  Mono<Void> delete(ApiRequest<DeleteMsgsReq> request) {
    return Mono.defer(() -> {
      DeleteMsgsReq req = request.body();
      ManageChecks.requireConversationID(req.getConversationID());
      ManageChecks.requireUserID(req.getUserID());
      ManageChecks.requireList(request.has("seqs"), "seqs");
      request.operator().requireSelfOrAdmin(req.getUserID());
      List<Long> seqs = req.getSeqsList().stream().distinct().toList();
      if (req.getDeleteSyncOpt().getIsSyncOther()) {
        return eraseForEveryone(request.operator(), req, seqs);
      }
      Mono<Void> marked = seqs.isEmpty() ? Mono.empty()
          : store.markDeleted(req.getConversationID(), req.getUserID(), seqs);
      return req.getDeleteSyncOpt().getIsSyncSelf()
          ? marked.then(notifier.deletedForSelf(req.getUserID(), req.getConversationID(), req.getSeqsList()))
          : marked;
    });
  }

  /**
   * The user must have the conversation; it is looked up before anything is erased (the reference erases first and
   * then fails). All seqs are checked before any is erased, so a refused request changes nothing.
   */
  private Mono<Void> eraseForEveryone(Operator operator, DeleteMsgsReq req, List<Long> seqs) {
    return conversations.find(req.getUserID(), req.getConversationID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.RECORD_NOT_FOUND, "conversation not found")))
        .flatMap(conversation -> (operator.admin() ? Mono.<Void>empty() : requireMayErase(req, seqs))
            .then(Mono.defer(() -> seqs.isEmpty() ? Mono.empty() : store.erase(req.getConversationID(), seqs)))
            .then(notifier.deletedForEveryone(req.getUserID(), conversation, req.getSeqsList())));
  }

  /**
   * Every stored message among the seqs must be one the user may take back: inside their visible window and allowed
   * by the revoke rules. Seqs with nothing stored read as placeholders either way and are not checked.
   */
  private Mono<Void> requireMayErase(DeleteMsgsReq req, List<Long> seqs) {
    if (seqs.isEmpty()) {
      return Mono.empty();
    }
    return reader.window(req.getUserID(), req.getConversationID())
        .flatMapMany(window -> store.find(req.getConversationID(), seqs).concatMap(stored ->
            window.contains(stored.seq())
                ? rules.requireMayErase(req.getUserID(), stored.msg())
                : Mono.error(ImError.noPermission("seq " + stored.seq() + " is not visible to the user"))))
        .then();
  }
}
