package io.imflux.user.clientconfig;

import io.imflux.api.Api;
import io.imflux.proto.user.DelUserClientConfigReq;
import io.imflux.proto.user.GetUserClientConfigReq;
import io.imflux.proto.user.PageUserClientConfigReq;
import io.imflux.proto.user.SetUserClientConfigReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Decodes each client-configuration route's body and hands it to {@link ClientConfigService}. */
@Component
class ClientConfigHandler {

  private final Api api;
  private final ClientConfigService service;

  ClientConfigHandler(Api api, ClientConfigService service) {
    this.api = api;
    this.service = service;
  }

  Mono<ServerResponse> get(ServerRequest request) {
    return api.handle(request, GetUserClientConfigReq.getDefaultInstance(), service::get);
  }

  Mono<ServerResponse> set(ServerRequest request) {
    return api.handleEmpty(request, SetUserClientConfigReq.getDefaultInstance(), service::set);
  }

  Mono<ServerResponse> delete(ServerRequest request) {
    return api.handleEmpty(request, DelUserClientConfigReq.getDefaultInstance(), service::delete);
  }

  Mono<ServerResponse> page(ServerRequest request) {
    return api.handle(request, PageUserClientConfigReq.getDefaultInstance(), service::page);
  }
}
