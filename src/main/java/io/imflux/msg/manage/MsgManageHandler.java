package io.imflux.msg.manage;

import io.imflux.api.Api;
import io.imflux.proto.msg.ClearConversationsMsgReq;
import io.imflux.proto.msg.DeleteMsgPhysicalBySeqReq;
import io.imflux.proto.msg.DeleteMsgPhysicalReq;
import io.imflux.proto.msg.DeleteMsgsReq;
import io.imflux.proto.msg.RevokeMsgReq;
import io.imflux.proto.msg.SearchMessageReq;
import io.imflux.proto.msg.UserClearAllMsgReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Binds each management route's request message to its service method; {@link Api} decodes and writes the envelope. */
@Component
class MsgManageHandler {

  private final Api api;
  private final RevokeService revokes;
  private final DeleteMsgsService deletes;
  private final ClearService clears;
  private final PhysicalDeleteService physicalDeletes;
  private final SearchService searches;

  MsgManageHandler(Api api, RevokeService revokes, DeleteMsgsService deletes, ClearService clears,
      PhysicalDeleteService physicalDeletes, SearchService searches) {
    this.api = api;
    this.revokes = revokes;
    this.deletes = deletes;
    this.clears = clears;
    this.physicalDeletes = physicalDeletes;
    this.searches = searches;
  }

  Mono<ServerResponse> revoke(ServerRequest request) {
    return api.handleEmpty(request, RevokeMsgReq.getDefaultInstance(), revokes::revoke);
  }

  Mono<ServerResponse> deleteMsgs(ServerRequest request) {
    return api.handleEmpty(request, DeleteMsgsReq.getDefaultInstance(), deletes::delete);
  }

  Mono<ServerResponse> clearConversations(ServerRequest request) {
    return api.handleEmpty(request, ClearConversationsMsgReq.getDefaultInstance(), clears::clear);
  }

  Mono<ServerResponse> clearAll(ServerRequest request) {
    return api.handleEmpty(request, UserClearAllMsgReq.getDefaultInstance(), clears::clearAll);
  }

  Mono<ServerResponse> deletePhysicalBySeq(ServerRequest request) {
    return api.handleEmpty(request, DeleteMsgPhysicalBySeqReq.getDefaultInstance(), physicalDeletes::deleteBySeq);
  }

  Mono<ServerResponse> deletePhysical(ServerRequest request) {
    return api.handleEmpty(request, DeleteMsgPhysicalReq.getDefaultInstance(), physicalDeletes::deleteByAge);
  }

  Mono<ServerResponse> search(ServerRequest request) {
    return api.handle(request, SearchMessageReq.getDefaultInstance(), searches::search);
  }
}
