package io.imflux.user.command;

import io.imflux.api.Api;
import io.imflux.proto.user.ProcessUserCommandAddReq;
import io.imflux.proto.user.ProcessUserCommandDeleteReq;
import io.imflux.proto.user.ProcessUserCommandGetAllReq;
import io.imflux.proto.user.ProcessUserCommandGetReq;
import io.imflux.proto.user.ProcessUserCommandUpdateReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Decodes each command route's body and hands it to {@link UserCommandService}. */
@Component
class UserCommandHandler {

  private final Api api;
  private final UserCommandService service;

  UserCommandHandler(Api api, UserCommandService service) {
    this.api = api;
    this.service = service;
  }

  Mono<ServerResponse> add(ServerRequest request) {
    return api.handleEmpty(request, ProcessUserCommandAddReq.getDefaultInstance(), service::add);
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    return api.handleEmpty(request, ProcessUserCommandDeleteReq.getDefaultInstance(), service::delete);
  }

  Mono<ServerResponse> update(ServerRequest request) {
    return api.handleEmpty(request, ProcessUserCommandUpdateReq.getDefaultInstance(), service::update);
  }

  Mono<ServerResponse> get(ServerRequest request) {
    return api.handle(request, ProcessUserCommandGetReq.getDefaultInstance(), service::get);
  }

  Mono<ServerResponse> getAll(ServerRequest request) {
    return api.handle(request, ProcessUserCommandGetAllReq.getDefaultInstance(), service::getAll);
  }
}
