package io.imflux.msg.read;

import io.imflux.api.Api;
import io.imflux.proto.msg.GetConversationsHasReadAndMaxSeqReq;
import io.imflux.proto.msg.MarkConversationAsReadReq;
import io.imflux.proto.msg.MarkMsgsAsReadReq;
import io.imflux.proto.msg.SetConversationHasReadSeqReq;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.PullMessageBySeqsReq;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Binds each seq, pull and read-state route's request message to its service method. */
@Component
class MsgReadHandler {

  private final Api api;
  private final SeqPullService pulls;
  private final ReadSeqService readSeqs;
  private final MarkReadService marks;

  MsgReadHandler(Api api, SeqPullService pulls, ReadSeqService readSeqs, MarkReadService marks) {
    this.api = api;
    this.pulls = pulls;
    this.readSeqs = readSeqs;
    this.marks = marks;
  }

  Mono<ServerResponse> newestSeq(ServerRequest request) {
    return api.handle(request, GetMaxSeqReq.getDefaultInstance(), pulls::newestSeqs);
  }

  Mono<ServerResponse> pullBySeq(ServerRequest request) {
    return api.handle(request, PullMessageBySeqsReq.getDefaultInstance(), pulls::pull);
  }

  Mono<ServerResponse> hasReadAndMaxSeq(ServerRequest request) {
    return api.handle(request, GetConversationsHasReadAndMaxSeqReq.getDefaultInstance(), readSeqs::hasReadAndMaxSeqs);
  }

  Mono<ServerResponse> markMsgsAsRead(ServerRequest request) {
    return api.handleEmpty(request, MarkMsgsAsReadReq.getDefaultInstance(), marks::markMsgsAsRead);
  }

  Mono<ServerResponse> markConversationAsRead(ServerRequest request) {
    return api.handleEmpty(request, MarkConversationAsReadReq.getDefaultInstance(), marks::markConversationAsRead);
  }

  Mono<ServerResponse> setHasReadSeq(ServerRequest request) {
    return api.handleEmpty(request, SetConversationHasReadSeqReq.getDefaultInstance(), marks::setHasReadSeq);
  }
}
