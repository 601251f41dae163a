package io.imflux.jssdk;

import io.imflux.api.Api;
import io.imflux.proto.jssdk.GetActiveConversationsReq;
import io.imflux.proto.jssdk.GetConversationsReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Binds each JS SDK route to its service method; {@link Api} negotiates JSON or protobuf. */
@Component
class JssdkHandler {

  private final Api api;
  private final JssdkService service;

  JssdkHandler(Api api, JssdkService service) {
    this.api = api;
    this.service = service;
  }

  Mono<ServerResponse> conversations(ServerRequest request) {
    return api.handleJsonOrProtobuf(request, GetConversationsReq.getDefaultInstance(), service::conversations);
  }

  Mono<ServerResponse> activeConversations(ServerRequest request) {
    return api.handleJsonOrProtobuf(request, GetActiveConversationsReq.getDefaultInstance(), service::active);
  }
}
