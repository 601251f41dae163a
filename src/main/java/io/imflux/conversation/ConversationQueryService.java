package io.imflux.conversation;

import static io.imflux.conversation.ConversationChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Paging;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.conversation.GetAllConversationsReq;
import io.imflux.proto.conversation.GetAllConversationsResp;
import io.imflux.proto.conversation.GetConversationReq;
import io.imflux.proto.conversation.GetConversationResp;
import io.imflux.proto.conversation.GetConversationsReq;
import io.imflux.proto.conversation.GetConversationsResp;
import io.imflux.proto.conversation.GetNotNotifyConversationIDsReq;
import io.imflux.proto.conversation.GetNotNotifyConversationIDsResp;
import io.imflux.proto.conversation.GetOwnerConversationReq;
import io.imflux.proto.conversation.GetOwnerConversationResp;
import io.imflux.proto.conversation.GetPinnedConversationIDsReq;
import io.imflux.proto.conversation.GetPinnedConversationIDsResp;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The routes that read a user's own records (spec/api-conversation.md §6.2-§6.4, §6.8-§6.10). Lists follow the
 * owner's creation order, the order get_full_conversation_ids reports.
 */
@Service
class ConversationQueryService {

  /** recvMsgOpt "receive, but no offline push" (spec/common.md §6.5). */
  static final int RECV_NOT_NOTIFY = 2;

  private final ConversationStore store;

  ConversationQueryService(ConversationStore store) {
    this.store = store;
  }

  /** §6.3: one record, 1004 when it is missing. */
  Mono<GetConversationResp> conversation(ApiRequest<GetConversationReq> request) {
    return Mono.defer(() -> {
      GetConversationReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(!body.getConversationID().isEmpty(), "conversationID is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      return store.find(body.getOwnerUserID(), body.getConversationID())
          .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.RECORD_NOT_FOUND, "conversation not found")))
          .map(found -> GetConversationResp.newBuilder().setConversation(found).build());
    });
  }

  /** §6.4: the listed records the owner has; the list must be present, may be empty. */
  Mono<GetConversationsResp> conversations(ApiRequest<GetConversationsReq> request) {
    return Mono.defer(() -> {
      GetConversationsReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(request.has("conversationIDs"), "conversationIDs is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      return store.findAll(body.getOwnerUserID(), body.getConversationIDsList()).collectList()
          .map(found -> GetConversationsResp.newBuilder().addAllConversations(found).build());
    });
  }

  /** §6.2. */
  Mono<GetAllConversationsResp> allConversations(ApiRequest<GetAllConversationsReq> request) {
    return Mono.defer(() -> {
      String owner = request.body().getOwnerUserID();
      require(!owner.isEmpty(), "ownerUserID is empty");
      request.operator().requireSelfOrAdmin(owner);
      return store.findOwned(owner)
          .map(found -> GetAllConversationsResp.newBuilder().addAllConversations(found).build());
    });
  }

  /** §6.8: a page of the records; a missing pagination is an empty page with the total. */
  Mono<GetOwnerConversationResp> ownerConversations(ApiRequest<GetOwnerConversationReq> request) {
    return Mono.defer(() -> {
      GetOwnerConversationReq body = request.body();
      request.operator().requireSelfOrAdmin(body.getUserID());
      Paging paging = Paging.of(body.getPagination());
      return store.conversationIDs(body.getUserID()).flatMap(ids -> store.findAll(body.getUserID(), paging.slice(ids))
          .collectList()
          .map(page -> GetOwnerConversationResp.newBuilder().setTotal(ids.size()).addAllConversations(page).build()));
    });
  }

  /** §6.9: records with recvMsgOpt 2. */
  Mono<GetNotNotifyConversationIDsResp> notNotifyIDs(ApiRequest<GetNotNotifyConversationIDsReq> request) {
    return Mono.defer(() -> {
      request.operator().requireSelfOrAdmin(request.body().getUserID());
      return idsWhere(request.body().getUserID(), record -> record.getRecvMsgOpt() == RECV_NOT_NOTIFY)
          .map(ids -> GetNotNotifyConversationIDsResp.newBuilder().addAllConversationIDs(ids).build());
    });
  }

  /** §6.10: pinned records. */
  Mono<GetPinnedConversationIDsResp> pinnedIDs(ApiRequest<GetPinnedConversationIDsReq> request) {
    return Mono.defer(() -> {
      request.operator().requireSelfOrAdmin(request.body().getUserID());
      return idsWhere(request.body().getUserID(), Conversation::getIsPinned)
          .map(ids -> GetPinnedConversationIDsResp.newBuilder().addAllConversationIDs(ids).build());
    });
  }

  private Mono<List<String>> idsWhere(String owner, Predicate<Conversation> condition) {
    return store.findOwned(owner)
        .map(records -> records.stream().filter(condition).map(Conversation::getConversationID).toList());
  }
}
