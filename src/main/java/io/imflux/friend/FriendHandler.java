package io.imflux.friend;

import io.imflux.api.Api;
import io.imflux.proto.relation.AddBlackReq;
import io.imflux.proto.relation.ApplyToAddFriendReq;
import io.imflux.proto.relation.DeleteFriendReq;
import io.imflux.proto.relation.GetDesignatedFriendsApplyReq;
import io.imflux.proto.relation.GetDesignatedFriendsReq;
import io.imflux.proto.relation.GetFriendIDsReq;
import io.imflux.proto.relation.GetFullFriendUserIDsReq;
import io.imflux.proto.relation.GetIncrementalBlacksReq;
import io.imflux.proto.relation.GetIncrementalFriendsReq;
import io.imflux.proto.relation.GetPaginationBlacksReq;
import io.imflux.proto.relation.GetPaginationFriendsApplyFromReq;
import io.imflux.proto.relation.GetPaginationFriendsApplyToReq;
import io.imflux.proto.relation.GetPaginationFriendsReq;
import io.imflux.proto.relation.GetSelfUnhandledApplyCountReq;
import io.imflux.proto.relation.GetSpecifiedBlacksReq;
import io.imflux.proto.relation.GetSpecifiedFriendsInfoReq;
import io.imflux.proto.relation.ImportFriendReq;
import io.imflux.proto.relation.IsFriendReq;
import io.imflux.proto.relation.RemoveBlackReq;
import io.imflux.proto.relation.RespondFriendApplyReq;
import io.imflux.proto.relation.SetFriendRemarkReq;
import io.imflux.proto.relation.UpdateFriendsReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Binds each friend route's request message to its service method; {@link Api} does the decoding and the envelope. */
@Component
class FriendHandler {

  private final Api api;
  private final FriendApplyService applies;
  private final FriendService friends;
  private final SpecifiedFriendsService specified;
  private final FriendSyncService sync;
  private final BlackService blacks;

  FriendHandler(Api api, FriendApplyService applies, FriendService friends, SpecifiedFriendsService specified,
      FriendSyncService sync, BlackService blacks) {
    this.api = api;
    this.applies = applies;
    this.friends = friends;
    this.specified = specified;
    this.sync = sync;
    this.blacks = blacks;
  }

  Mono<ServerResponse> apply(ServerRequest request) {
    return api.handleEmpty(request, ApplyToAddFriendReq.getDefaultInstance(), applies::apply);
  }

  Mono<ServerResponse> respond(ServerRequest request) {
    return api.handleEmpty(request, RespondFriendApplyReq.getDefaultInstance(), applies::respond);
  }

  Mono<ServerResponse> receivedRequests(ServerRequest request) {
    return api.handle(request, GetPaginationFriendsApplyToReq.getDefaultInstance(), applies::received);
  }

  Mono<ServerResponse> sentRequests(ServerRequest request) {
    return api.handle(request, GetPaginationFriendsApplyFromReq.getDefaultInstance(), applies::sent);
  }

  Mono<ServerResponse> designatedRequests(ServerRequest request) {
    return api.handle(request, GetDesignatedFriendsApplyReq.getDefaultInstance(), applies::designated);
  }

  Mono<ServerResponse> unhandledCount(ServerRequest request) {
    return api.handle(request, GetSelfUnhandledApplyCountReq.getDefaultInstance(), applies::unhandledCount);
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    return api.handleEmpty(request, DeleteFriendReq.getDefaultInstance(), friends::delete);
  }

  Mono<ServerResponse> list(ServerRequest request) {
    return api.handle(request, GetPaginationFriendsReq.getDefaultInstance(), friends::list);
  }

  Mono<ServerResponse> designated(ServerRequest request) {
    return api.handle(request, GetDesignatedFriendsReq.getDefaultInstance(), friends::designated);
  }

  Mono<ServerResponse> setRemark(ServerRequest request) {
    return api.handleEmpty(request, SetFriendRemarkReq.getDefaultInstance(), friends::setRemark);
  }

  Mono<ServerResponse> update(ServerRequest request) {
    return api.handleEmpty(request, UpdateFriendsReq.getDefaultInstance(), friends::update);
  }

  Mono<ServerResponse> importFriends(ServerRequest request) {
    return api.handleEmpty(request, ImportFriendReq.getDefaultInstance(), friends::importFriends);
  }

  Mono<ServerResponse> isFriend(ServerRequest request) {
    return api.handle(request, IsFriendReq.getDefaultInstance(), friends::isFriend);
  }

  Mono<ServerResponse> friendIDs(ServerRequest request) {
    return api.handle(request, GetFriendIDsReq.getDefaultInstance(), friends::friendIDs);
  }

  Mono<ServerResponse> specifiedInfo(ServerRequest request) {
    return api.handle(request, GetSpecifiedFriendsInfoReq.getDefaultInstance(), specified::specified);
  }

  Mono<ServerResponse> incrementalFriends(ServerRequest request) {
    return api.handle(request, GetIncrementalFriendsReq.getDefaultInstance(), sync::incrementalFriends);
  }

  Mono<ServerResponse> fullFriendUserIDs(ServerRequest request) {
    return api.handle(request, GetFullFriendUserIDsReq.getDefaultInstance(), sync::fullFriendUserIDs);
  }

  Mono<ServerResponse> addBlack(ServerRequest request) {
    return api.handleEmpty(request, AddBlackReq.getDefaultInstance(), blacks::add);
  }

  Mono<ServerResponse> removeBlack(ServerRequest request) {
    return api.handleEmpty(request, RemoveBlackReq.getDefaultInstance(), blacks::remove);
  }

  Mono<ServerResponse> blackList(ServerRequest request) {
    return api.handle(request, GetPaginationBlacksReq.getDefaultInstance(), blacks::list);
  }

  Mono<ServerResponse> specifiedBlacks(ServerRequest request) {
    return api.handle(request, GetSpecifiedBlacksReq.getDefaultInstance(), blacks::specified);
  }

  Mono<ServerResponse> incrementalBlacks(ServerRequest request) {
    return api.handle(request, GetIncrementalBlacksReq.getDefaultInstance(), sync::incrementalBlacks);
  }
}
