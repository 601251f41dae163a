package io.imflux.user.account;

import io.imflux.api.Api;
import io.imflux.proto.user.AddNotificationAccountReq;
import io.imflux.proto.user.SearchNotificationAccountReq;
import io.imflux.proto.user.UpdateNotificationAccountInfoReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Decodes each notification-account route's body and hands it to its service. */
@Component
class NotificationAccountHandler {

  private final Api api;
  private final NotificationAccountService service;
  private final NotificationAccountSearch search;

  NotificationAccountHandler(Api api, NotificationAccountService service, NotificationAccountSearch search) {
    this.api = api;
    this.service = service;
    this.search = search;
  }

  Mono<ServerResponse> add(ServerRequest request) {
    return api.handle(request, AddNotificationAccountReq.getDefaultInstance(), service::add);
  }

  Mono<ServerResponse> update(ServerRequest request) {
    return api.handleEmpty(request, UpdateNotificationAccountInfoReq.getDefaultInstance(), service::update);
  }

  Mono<ServerResponse> search(ServerRequest request) {
    return api.handle(request, SearchNotificationAccountReq.getDefaultInstance(), search::search);
  }
}
