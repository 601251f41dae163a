package io.imflux.auth;

import io.imflux.api.Api;
import io.imflux.proto.auth.ForceLogoutReq;
import io.imflux.proto.auth.GetAdminTokenReq;
import io.imflux.proto.auth.GetUserTokenReq;
import io.imflux.proto.auth.ParseTokenReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Decodes /auth/* requests, calls {@link AuthService}, encodes the answers. */
@Component
class AuthHandler {

  private final Api api;
  private final AuthService auth;

  AuthHandler(Api api, AuthService auth) {
    this.api = api;
    this.auth = auth;
  }

  Mono<ServerResponse> getAdminToken(ServerRequest request) {
    return api.handle(request, GetAdminTokenReq.getDefaultInstance(), call -> auth.getAdminToken(call.body()));
  }

  Mono<ServerResponse> getUserToken(ServerRequest request) {
    return api.handle(request, GetUserTokenReq.getDefaultInstance(),
        call -> auth.getUserToken(call.operator(), call.body()));
  }

  Mono<ServerResponse> parseToken(ServerRequest request) {
    return api.handle(request, ParseTokenReq.getDefaultInstance(), call -> auth.parseToken(call.body()));
  }

  Mono<ServerResponse> forceLogout(ServerRequest request) {
    return api.handleEmpty(request, ForceLogoutReq.getDefaultInstance(),
        call -> auth.forceLogout(call.operator(), call.body()));
  }
}
