package io.imflux.conversation;

import io.imflux.api.Api;
import io.imflux.proto.conversation.DeleteConversationsReq;
import io.imflux.proto.conversation.GetAllConversationsReq;
import io.imflux.proto.conversation.GetConversationReq;
import io.imflux.proto.conversation.GetConversationsReq;
import io.imflux.proto.conversation.GetFullOwnerConversationIDsReq;
import io.imflux.proto.conversation.GetIncrementalConversationReq;
import io.imflux.proto.conversation.GetNotNotifyConversationIDsReq;
import io.imflux.proto.conversation.GetOwnerConversationReq;
import io.imflux.proto.conversation.GetPinnedConversationIDsReq;
import io.imflux.proto.conversation.GetSortedConversationListReq;
import io.imflux.proto.conversation.SetConversationsReq;
import io.imflux.proto.conversation.UpdateConversationsByUserReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Binds each conversation route's request message to its service method; {@link Api} does the rest of HTTP. */
@Component
class ConversationHandler {

  private final Api api;
  private final SortedConversationService sorted;
  private final ConversationQueryService queries;
  private final SetConversationsService setter;
  private final ConversationSyncService sync;
  private final ConversationEditService edits;

  ConversationHandler(Api api, SortedConversationService sorted, ConversationQueryService queries,
      SetConversationsService setter, ConversationSyncService sync, ConversationEditService edits) {
    this.api = api;
    this.sorted = sorted;
    this.queries = queries;
    this.setter = setter;
    this.sync = sync;
    this.edits = edits;
  }

  Mono<ServerResponse> sortedList(ServerRequest request) {
    return api.handle(request, GetSortedConversationListReq.getDefaultInstance(), sorted::sorted);
  }

  Mono<ServerResponse> all(ServerRequest request) {
    return api.handle(request, GetAllConversationsReq.getDefaultInstance(), queries::allConversations);
  }

  Mono<ServerResponse> one(ServerRequest request) {
    return api.handle(request, GetConversationReq.getDefaultInstance(), queries::conversation);
  }

  Mono<ServerResponse> many(ServerRequest request) {
    return api.handle(request, GetConversationsReq.getDefaultInstance(), queries::conversations);
  }

  Mono<ServerResponse> set(ServerRequest request) {
    return api.handleEmpty(request, SetConversationsReq.getDefaultInstance(), setter::set);
  }

  Mono<ServerResponse> fullIDs(ServerRequest request) {
    return api.handle(request, GetFullOwnerConversationIDsReq.getDefaultInstance(), sync::fullIDs);
  }

  Mono<ServerResponse> incremental(ServerRequest request) {
    return api.handle(request, GetIncrementalConversationReq.getDefaultInstance(), sync::incremental);
  }

  Mono<ServerResponse> owner(ServerRequest request) {
    return api.handle(request, GetOwnerConversationReq.getDefaultInstance(), queries::ownerConversations);
  }

  Mono<ServerResponse> notNotifyIDs(ServerRequest request) {
    return api.handle(request, GetNotNotifyConversationIDsReq.getDefaultInstance(), queries::notNotifyIDs);
  }

  Mono<ServerResponse> pinnedIDs(ServerRequest request) {
    return api.handle(request, GetPinnedConversationIDsReq.getDefaultInstance(), queries::pinnedIDs);
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    return api.handleEmpty(request, DeleteConversationsReq.getDefaultInstance(), edits::delete);
  }

  Mono<ServerResponse> updateByUser(ServerRequest request) {
    return api.handleEmpty(request, UpdateConversationsByUserReq.getDefaultInstance(), edits::updateByUser);
  }
}
