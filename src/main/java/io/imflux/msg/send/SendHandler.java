package io.imflux.msg.send;

import io.imflux.api.Api;
import io.imflux.proto.msg.ApiBatchSendMsgReq;
import io.imflux.proto.msg.ApiSendBusinessNotificationReq;
import io.imflux.proto.msg.ApiSendMsgReq;
import io.imflux.proto.msg.ApiSendSimpleMsgReq;
import io.imflux.proto.msg.GetSendMsgStatusReq;
import io.imflux.proto.msg.GetServerTimeReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Binds each send route's body to its service method; the four send routes bind strictly (HTTP 400 on a body that
 * breaks their binding rules, spec/api-msg.md §1).
 */
@Component
class SendHandler {

  private final Api api;
  private final SendService sends;
  private final SimpleMsgService simple;

  SendHandler(Api api, SendService sends, SimpleMsgService simple) {
    this.api = api;
    this.sends = sends;
    this.simple = simple;
  }

  Mono<ServerResponse> sendMsg(ServerRequest request) {
    return api.handleStrict(request, ApiSendMsgReq.getDefaultInstance(), SendBinding::sendMsg,
        req -> sends.sendMsg(req.operator(), req.body(), operationID(request)));
  }

  Mono<ServerResponse> batchSendMsg(ServerRequest request) {
    return api.handleStrict(request, ApiBatchSendMsgReq.getDefaultInstance(), SendBinding::batchSendMsg,
        req -> sends.batchSendMsg(req.operator(), req.body()));
  }

  Mono<ServerResponse> sendSimpleMsg(ServerRequest request) {
    return api.handleStrict(request, ApiSendSimpleMsgReq.getDefaultInstance(), SendBinding::sendSimpleMsg,
        req -> simple.send(req.operator(), request.queryParam("key"), req.body(), operationID(request)));
  }

  Mono<ServerResponse> sendBusinessNotification(ServerRequest request) {
    return api.handleStrict(request, ApiSendBusinessNotificationReq.getDefaultInstance(),
        SendBinding::sendBusinessNotification, req -> sends.sendBusinessNotification(req.operator(), req.body()));
  }

  Mono<ServerResponse> checkSendStatus(ServerRequest request) {
    return api.handle(request, GetSendMsgStatusReq.getDefaultInstance(), req -> sends.sendStatus(operationID(request)));
  }

  Mono<ServerResponse> serverTime(ServerRequest request) {
    return api.handle(request, GetServerTimeReq.getDefaultInstance(), req -> sends.serverTime());
  }

  /** The request's trace ID; the common filter has already refused a POST without one. */
  private static String operationID(ServerRequest request) {
    return request.headers().firstHeader("operationID");
  }
}
