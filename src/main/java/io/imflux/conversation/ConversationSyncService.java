package io.imflux.conversation;

import io.imflux.api.ApiRequest;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.conversation.GetFullOwnerConversationIDsReq;
import io.imflux.proto.conversation.GetFullOwnerConversationIDsResp;
import io.imflux.proto.conversation.GetIncrementalConversationReq;
import io.imflux.proto.conversation.GetIncrementalConversationResp;
import io.imflux.sync.IdHash;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Incremental sync of a user's conversation records over their version log (spec/api-conversation.md §6.6, §6.7):
 * what changed since the client's version, or whether its ordered ID list is still the server's.
 */
@Service
class ConversationSyncService {

  private final ConversationStore store;
  private final Conversations conversations;

  ConversationSyncService(ConversationStore store, Conversations conversations) {
    this.store = store;
    this.conversations = conversations;
  }

  /** §6.7: inserted or updated IDs whose record is gone are left out. */
  Mono<GetIncrementalConversationResp> incremental(ApiRequest<GetIncrementalConversationReq> request) {
    return Mono.defer(() -> {
      GetIncrementalConversationReq body = request.body();
      String owner = body.getUserID();
      request.operator().requireSelfOrAdmin(owner);
      return conversations.log().changesSince(owner, body.getVersionID(), body.getVersion(), Set.of())
          .flatMap(delta -> Mono.zip(records(owner, delta.inserted()), records(owner, delta.updated()))
              .map(changed -> GetIncrementalConversationResp.newBuilder()
                  .setVersion(delta.head().version())
                  .setVersionID(delta.head().versionID())
                  .setFull(delta.full())
                  .addAllDelete(delta.deleted())
                  .addAllInsert(changed.getT1())
                  .addAllUpdate(changed.getT2())
                  .build()));
    });
  }

  /** §6.6: the IDs in creation order, left out when the client's hash says it has them already. */
  Mono<GetFullOwnerConversationIDsResp> fullIDs(ApiRequest<GetFullOwnerConversationIDsReq> request) {
    return Mono.defer(() -> {
      GetFullOwnerConversationIDsReq body = request.body();
      String owner = body.getUserID();
      request.operator().requireSelfOrAdmin(owner);
      return conversations.log().head(owner).zipWith(store.conversationIDs(owner)).map(found -> {
        boolean equal = body.getIdHash() == IdHash.of(found.getT2());
        return GetFullOwnerConversationIDsResp.newBuilder()
            .setVersion(found.getT1().version())
            .setVersionID(found.getT1().versionID())
            .setEqual(equal)
            .addAllConversationIDs(equal ? List.of() : found.getT2())
            .build();
      });
    });
  }

  private Mono<List<Conversation>> records(String owner, List<String> conversationIDs) {
    return store.findAll(owner, conversationIDs).collectList();
  }
}
