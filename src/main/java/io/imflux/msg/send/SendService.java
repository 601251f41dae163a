package io.imflux.msg.send;

import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.msg.MessageSender;
import io.imflux.proto.msg.ApiBatchSendMsgReq;
import io.imflux.proto.msg.ApiBatchSendMsgResp;
import io.imflux.proto.msg.ApiBatchSendResult;
import io.imflux.proto.msg.ApiSendBusinessNotificationReq;
import io.imflux.proto.msg.ApiSendMsgReq;
import io.imflux.proto.msg.ApiSendMsgResp;
import io.imflux.proto.msg.GetSendMsgStatusResp;
import io.imflux.proto.msg.GetServerTimeResp;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The app admin's send routes (spec/api-msg.md §4.1, §4.3, §4.5), the send-status check (§4.6) and the server time
 * (§10). Messages leave through the shared send path, {@link MessageSender}, which checks the sender again.
 */
@Service
class SendService {

  private static final Logger log = LoggerFactory.getLogger(SendService.class);

  /** {@code isSendAll} reads the users this many at a time until a short page (§4.3). */
  static final int USER_PAGE = 500;

  private final MessageSender sender;
  private final UserStore users;
  private final SendStatusStore statuses;
  private final Dialect dialect;
  private final Clock clock;

  SendService(MessageSender sender, UserStore users, SendStatusStore statuses, Dialect dialect, Clock clock) {
    this.sender = sender;
    this.users = users;
    this.statuses = statuses;
    this.dialect = dialect;
    this.clock = clock;
  }

  /** §4.1; on success the status is recorded under the request's operationID. */
  Mono<ApiSendMsgResp> sendMsg(Operator operator, ApiSendMsgReq request, String operationID) {
    return prepare(operator, request)
        .map(content -> HttpMessages.sendMsg(request, content, clock.millis()))
        .flatMap(msg -> sender.send(operator, msg))
        .doOnNext(sent -> statuses.recordSuccess(operationID))
        .map(SendService::reply);
  }

  /** §4.3: one send per receiver, one after another; a receiver whose send fails is listed and the loop goes on. */
  Mono<ApiBatchSendMsgResp> batchSendMsg(Operator operator, ApiBatchSendMsgReq request) {
    ApiSendMsgReq common = HttpMessages.withoutReceiver(request);
    return prepare(operator, common)
        .map(content -> HttpMessages.sendMsg(common, content, clock.millis()))
        .flatMap(template -> receivers(request)
            .concatMap(recvID -> sendTo(operator, template, recvID))
            .collect(ApiBatchSendMsgResp::newBuilder, (response, result) -> {
              if (result.getServerMsgID().isEmpty()) {
                response.addFailedUserIDs(result.getRecvID());
              } else {
                response.addResults(result);
              }
            })
            .map(ApiBatchSendMsgResp.Builder::build));
  }

  /** §4.5: no send status is recorded. */
  Mono<ApiSendMsgResp> sendBusinessNotification(Operator operator, ApiSendBusinessNotificationReq request) {
    return Mono.defer(() -> {
      boolean toUser = !request.getRecvUserID().isEmpty();
      boolean toGroup = !request.getRecvGroupID().isEmpty();
      if (!toUser && !toGroup) {
        throw ImError.args("recvUserID and recvGroupID cannot be empty at the same time");
      }
      if (toUser && toGroup) {
        throw ImError.args("recvUserID and recvGroupID cannot be set at the same time");
      }
      requireAppManager(operator);
      MsgData msg = HttpMessages.businessNotification(request, operator.userID(), clock.millis());
      return sender.send(operator, msg).map(SendService::reply);
    });
  }

  /** §4.6: what a send with this operationID left, 0 when nothing (or it expired). */
  Mono<GetSendMsgStatusResp> sendStatus(String operationID) {
    return Mono.fromSupplier(() -> GetSendMsgStatusResp.newBuilder().setStatus(statuses.status(operationID)).build());
  }

  /** §10: the clock send times are stamped with. */
  Mono<GetServerTimeResp> serverTime() {
    return Mono.fromSupplier(() -> GetServerTimeResp.newBuilder().setServerTime(clock.millis()).build());
  }

  static ApiSendMsgResp reply(SendMsgResp sent) {
    return ApiSendMsgResp.newBuilder()
        .setServerMsgID(sent.getServerMsgID())
        .setClientMsgID(sent.getClientMsgID())
        .setSendTime(sent.getSendTime())
        .build();
  }

  /**
   * §4.1 steps 1-3: the admin check, the content type (the client's number translated at this edge), the
   * notification-account check for OA notifications, then the content itself.
   */
  private Mono<SendContent> prepare(Operator operator, ApiSendMsgReq request) {
    return Mono.defer(() -> {
      requireAppManager(operator);
      int contentType = dialect.contentTypeFromClient(request.getContentType());
      if (!ContentRules.accepts(contentType)) {
        throw ImError.args("unsupported content type " + request.getContentType());
      }
      int sessionType = dialect.sessionTypeFromClient(request.getSessionType());
      Mono<Void> senderCheck = contentType == ContentTypes.OA_NOTIFICATION
          ? requireNotificationAccount(request.getSendID())
          : Mono.empty();
      return senderCheck.then(Mono.fromCallable(() -> SendContent.of(contentType, sessionType, request.getContent())));
    });
  }

  private Mono<Void> requireNotificationAccount(String sendID) {
    return users.find(sendID)
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_ID_NOT_FOUND, "sendID " + sendID + " not found")))
        .flatMap(user -> user.appMangerLevel() >= User.LEVEL_APP_ADMIN
            ? Mono.<Void>empty()
            : Mono.error(ImError.noPermission("notification messages cannot be sent for this ID")))
        .then();
  }

  private Flux<String> receivers(ApiBatchSendMsgReq request) {
    if (!request.getIsSendAll()) {
      return Flux.fromIterable(request.getRecvIDsList());
    }
    return allUserIDs(0).collectList().flatMapIterable(all -> all);
  }

  private Flux<String> allUserIDs(int skip) {
    return users.pageIDs(skip, USER_PAGE).collectList().flatMapMany(page -> page.size() < USER_PAGE
        ? Flux.fromIterable(page)
        : Flux.fromIterable(page).concatWith(Flux.defer(() -> allUserIDs(skip + USER_PAGE))));
  }

  /** One receiver's send: its result, or a result without serverMsgID when it failed. */
  private Mono<ApiBatchSendResult> sendTo(Operator operator, MsgData template, String recvID) {
    return sender.send(operator, HttpMessages.forReceiver(template, recvID))
        .map(sent -> ApiBatchSendResult.newBuilder()
            .setServerMsgID(sent.getServerMsgID())
            .setClientMsgID(sent.getClientMsgID())
            .setSendTime(sent.getSendTime())
            .setRecvID(recvID)
            .build())
        .onErrorResume(error -> {
          log.debug("batch send to {} failed: {}", recvID, error.toString());
          return Mono.just(ApiBatchSendResult.newBuilder().setRecvID(recvID).build());
        });
  }

  private static void requireAppManager(Operator operator) {
    if (!operator.admin()) {
      throw ImError.noPermission("only app manager can send message");
    }
  }
}
