package io.imflux.user;

import io.imflux.api.Api;
import io.imflux.proto.msggateway.GetUsersOnlineStatusReq;
import io.imflux.proto.user.AccountCheckReq;
import io.imflux.proto.user.GetAllUserIDReq;
import io.imflux.proto.user.GetDesignateUsersReq;
import io.imflux.proto.user.GetPaginationUsersReq;
import io.imflux.proto.user.GetSubscribeUsersStatusReq;
import io.imflux.proto.user.GetUserStatusReq;
import io.imflux.proto.user.SetGlobalRecvMessageOptReq;
import io.imflux.proto.user.SubscribeOrCancelUsersStatusReq;
import io.imflux.proto.user.UpdateUserInfoExReq;
import io.imflux.proto.user.UpdateUserInfoReq;
import io.imflux.proto.user.UserRegisterReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Binds each user route's request message to its service method; {@link Api} does the decoding and the envelope. */
@Component
class UserHandler {

  private final Api api;
  private final UserService users;
  private final UserProfileService profiles;
  private final UserStatusService statuses;

  UserHandler(Api api, UserService users, UserProfileService profiles, UserStatusService statuses) {
    this.api = api;
    this.users = users;
    this.profiles = profiles;
    this.statuses = statuses;
  }

  Mono<ServerResponse> register(ServerRequest request) {
    return api.handleEmpty(request, UserRegisterReq.getDefaultInstance(), users::register);
  }

  Mono<ServerResponse> updateInfo(ServerRequest request) {
    return api.handleEmpty(request, UpdateUserInfoReq.getDefaultInstance(), profiles::updateInfo);
  }

  Mono<ServerResponse> updateInfoEx(ServerRequest request) {
    return api.handleEmpty(request, UpdateUserInfoExReq.getDefaultInstance(), profiles::updateInfoEx);
  }

  Mono<ServerResponse> setGlobalRecvMsgOpt(ServerRequest request) {
    return api.handleEmpty(request, SetGlobalRecvMessageOptReq.getDefaultInstance(), profiles::setGlobalRecvMsgOpt);
  }

  Mono<ServerResponse> usersInfo(ServerRequest request) {
    return api.handle(request, GetDesignateUsersReq.getDefaultInstance(), users::usersInfo);
  }

  Mono<ServerResponse> allUserIDs(ServerRequest request) {
    return api.handle(request, GetAllUserIDReq.getDefaultInstance(), users::allUserIDs);
  }

  Mono<ServerResponse> accountCheck(ServerRequest request) {
    return api.handle(request, AccountCheckReq.getDefaultInstance(), users::accountCheck);
  }

  Mono<ServerResponse> searchUsers(ServerRequest request) {
    return api.handle(request, GetPaginationUsersReq.getDefaultInstance(), users::searchUsers);
  }

  Mono<ServerResponse> onlineStatus(ServerRequest request) {
    return api.handleStrictList(request, GetUsersOnlineStatusReq.getDefaultInstance(), statuses::onlineStatus);
  }

  Mono<ServerResponse> onlineTokenDetail(ServerRequest request) {
    return api.handleStrictList(request, GetUsersOnlineStatusReq.getDefaultInstance(), statuses::onlineTokenDetail);
  }

  Mono<ServerResponse> subscribe(ServerRequest request) {
    return api.handle(request, SubscribeOrCancelUsersStatusReq.getDefaultInstance(), statuses::subscribe);
  }

  Mono<ServerResponse> usersStatus(ServerRequest request) {
    return api.handle(request, GetUserStatusReq.getDefaultInstance(), statuses::usersStatus);
  }

  Mono<ServerResponse> subscribedStatus(ServerRequest request) {
    return api.handle(request, GetSubscribeUsersStatusReq.getDefaultInstance(), statuses::subscribedStatus);
  }
}
