package io.imflux.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.imflux.api.ApiRequest;
import io.imflux.api.OperationIds;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.gateway.codec.Req;
import io.imflux.gateway.codec.Resp;
import io.imflux.msg.MessageSender;
import io.imflux.msg.read.LastMessageService;
import io.imflux.msg.read.ReadSeqService;
import io.imflux.msg.read.SeqMessageService;
import io.imflux.msg.read.SeqPullService;
import io.imflux.proto.msg.GetConversationsHasReadAndMaxSeqReq;
import io.imflux.proto.msg.GetLastMessageReq;
import io.imflux.proto.msg.GetSeqMessageReq;
import io.imflux.proto.push.DelUserPushTokenReq;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMessageBySeqsReq;
import io.imflux.proto.sdkws.SetAppBackgroundStatusReq;
import io.imflux.proto.sdkws.SubUserOnlineStatus;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers one request of a connection (spec/gateway.md §10-§11) through the same services as the HTTP routes, as the
 * connection's user. The connection reads its next request only after this completes, so replies keep request
 * order. A request for another user or an unknown {@code reqIdentifier} closes the connection without a reply.
 */
@Component
class RequestDispatcher {

  private static final Logger log = LoggerFactory.getLogger(RequestDispatcher.class);
  private static final byte[] EMPTY = new byte[0];

  private final SeqPullService pulls;
  private final ReadSeqService readSeqs;
  private final SeqMessageService seqMessages;
  private final LastMessageService lastMessages;
  private final MessageSender sender;
  private final OnlineStatusPusher status;
  private final SessionLifecycle lifecycle;
  private final Dialect dialect;

  RequestDispatcher(SeqPullService pulls, ReadSeqService readSeqs, SeqMessageService seqMessages,
      LastMessageService lastMessages, MessageSender sender, OnlineStatusPusher status, SessionLifecycle lifecycle,
      Dialect dialect) {
    this.pulls = pulls;
    this.readSeqs = readSeqs;
    this.seqMessages = seqMessages;
    this.lastMessages = lastMessages;
    this.sender = sender;
    this.status = status;
    this.lifecycle = lifecycle;
    this.dialect = dialect;
  }

  Mono<Void> handle(Session session, Req req) {
    if (!req.sendID().equals(session.userID)) {
      log.info("{} closed: request for sendID {}", session, req.sendID());
      session.close();
      return Mono.empty();
    }
    Mono<byte[]> answer = switch (req.reqIdentifier()) {
      case RequestIds.GET_NEWEST_SEQ -> call(req, GetMaxSeqReq.parser(),
          body -> pulls.newestSeqs(ApiRequest.fromProtobuf(body, session.operator)));
      case RequestIds.PULL_BY_RANGE -> checked(req).then(call(req, PullMessageBySeqsReq.parser(),
          body -> pulls.pull(ApiRequest.fromProtobuf(body, session.operator))));
      case RequestIds.SEND_MSG -> call(req, MsgData.parser(), body -> sender.send(session.operator, fromClient(body)));
      case RequestIds.SEND_SIGNAL_MSG -> Mono.error(ImError.args("signalling is not supported"));
      case RequestIds.PULL_BY_SEQ_LIST -> checked(req).then(call(req, GetSeqMessageReq.parser(),
          body -> seqMessages.pull(ApiRequest.fromProtobuf(body, session.operator))));
      case RequestIds.GET_CONV_MAX_READ_SEQ -> checked(req).then(call(req, GetConversationsHasReadAndMaxSeqReq.parser(),
          body -> readSeqs.hasReadAndMaxSeqs(ApiRequest.fromProtobuf(body, session.operator))));
      case RequestIds.PULL_CONV_LAST_MESSAGE -> call(req, GetLastMessageReq.parser(),
          body -> lastMessages.lastMessages(ApiRequest.fromProtobuf(body, session.operator)));
      case RequestIds.LOGOUT -> logout(session, req);
      case RequestIds.SET_BACKGROUND_STATUS -> checked(req).then(decode(req, SetAppBackgroundStatusReq.parser())
          .flatMap(body -> lifecycle.background(session, body.getIsBackground()))
          .thenReturn(EMPTY));
      case RequestIds.SUB_USER_ONLINE_STATUS -> call(req, SubUserOnlineStatus.parser(),
          body -> status.subscribe(session, body));
      default -> null;
    };
    if (answer == null) {
      log.info("{} closed: unknown reqIdentifier {}", session, req.reqIdentifier());
      session.close();
      return Mono.empty();
    }
    return answer
        .contextWrite(OperationIds.with(req.operationID()))
        .map(data -> Resp.reply(req, data))
        .onErrorResume(error -> Mono.just(error(session, req, error)))
        .flatMap(session::onEventLoop)
        .doOnNext(session::reply)
        .then(Mono.fromRunnable(() -> {
          if (req.reqIdentifier() == RequestIds.LOGOUT) {
            session.closeAfterFlush();
          }
        }));
  }

  /**
   * 2003: the reference deletes the vendor push token of (userID, platformID); imflux keeps no vendor tokens, so
   * only the check remains. The connection closes after the reply either way (§12.4).
   */
  private Mono<byte[]> logout(Session session, Req req) {
    return decode(req, DelUserPushTokenReq.parser()).map(body -> {
      session.operator.requireSelfOrAdmin(body.getUserID());
      return EMPTY;
    });
  }

  /** A message from a client carries the client's content-type numbers (spec/dialects.md §3). */
  private MsgData fromClient(MsgData msg) {
    int contentType = dialect.contentTypeFromClient(msg.getContentType());
    return contentType == msg.getContentType() ? msg : msg.toBuilder().setContentType(contentType).build();
  }

  /** §10.5: these requests need every envelope field, else 500. */
  private static Mono<Void> checked(Req req) {
    if (req.reqIdentifier() == 0 || req.sendID().isEmpty() || req.operationID().isEmpty() || req.msgIncr().isEmpty()) {
      return Mono.error(new ImError(ErrorKind.INTERNAL, "envelope fields are required"));
    }
    return Mono.empty();
  }

  private static <T extends Message> Mono<byte[]> call(Req req, Parser<T> parser,
      Function<T, Mono<? extends Message>> action) {
    return decode(req, parser).flatMap(action).map(Message::toByteArray);
  }

  /** §10.6: a payload that is not the request's protobuf message is a 500 reply; the connection stays open. */
  private static <T extends Message> Mono<T> decode(Req req, Parser<T> parser) {
    return Mono.fromCallable(() -> {
      try {
        return parser.parseFrom(req.data());
      } catch (InvalidProtocolBufferException e) {
        throw new ImError(ErrorKind.INTERNAL, "payload of " + req.reqIdentifier() + ": " + e.getMessage());
      }
    });
  }

  private Resp error(Session session, Req req, Throwable error) {
    ImError imError;
    if (error instanceof ImError known) {
      imError = known;
    } else {
      log.error("{} request {} failed", session, req.reqIdentifier(), error);
      imError = new ImError(ErrorKind.INTERNAL, String.valueOf(error.getMessage()));
    }
    return Resp.error(req, dialect.errCode(imError.kind()), dialect.errMsg(imError.kind()));
  }
}
