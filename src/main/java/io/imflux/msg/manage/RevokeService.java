package io.imflux.msg.manage;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.Revocation;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.proto.msg.RevokeMsgReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.RevokeMsgTips;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/revoke_msg} (spec/api-msg.md §7): the message as the user sees it, the revoke rules, the revoke record,
 * then a stored 2101 to the other side. No time limit, as the reference.
 */
@Service
class RevokeService {

  private final UserStore users;
  private final MessageReader reader;
  private final MessageStore store;
  private final RemovalRules rules;
  private final ManageNotifier notifier;
  private final Clock clock;

  RevokeService(UserStore users, MessageReader reader, MessageStore store, RemovalRules rules, ManageNotifier notifier,
      Clock clock) {
    this.users = users;
    this.reader = reader;
    this.store = store;
    this.rules = rules;
    this.notifier = notifier;
    this.clock = clock;
  }

  Mono<Void> revoke(ApiRequest<RevokeMsgReq> request) {
    return Mono.defer(() -> {
      RevokeMsgReq req = request.body();
      ManageChecks.requireConversationID(req.getConversationID());
      if (req.getSeq() < 1) {
        throw ImError.args("seq is invalid");
      }
      ManageChecks.requireUserID(req.getUserID());
      Operator operator = request.operator();
      operator.requireSelfOrAdmin(req.getUserID());
      return users.find(req.getUserID())
          .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "user not found")))
          .flatMap(revoker -> visibleMessage(req)
              .flatMap(stored -> revoke(operator, revoker, req, stored)));
    });
  }

  /**
   * The stored message at the seq, if the user can see that seq. A seq inside the window with nothing stored is
   * 1004 as well, for admins too (our decision Q10; the reference answers 500 or revokes the empty slot).
   */
  private Mono<StoredMessage> visibleMessage(RevokeMsgReq req) {
    return reader.window(req.getUserID(), req.getConversationID())
        .filter(window -> window.contains(req.getSeq()))
        .flatMap(window -> store.find(req.getConversationID(), List.of(req.getSeq())).next())
        .switchIfEmpty(Mono.error(RevokeService::notFound));
  }

  private Mono<Void> revoke(Operator operator, User revoker, RevokeMsgReq req, StoredMessage stored) {
    MsgData msg = stored.msg();
    // Revoked, or itself a revoke notice: what the user sees has content type 2101.
    if (stored.revocation() != null || msg.getContentType() == MessageReader.CONTENT_REVOKED) {
      return Mono.error(new ImError(ErrorKind.MSG_ALREADY_REVOKED, "msg already revoke"));
    }
    Mono<Integer> role = operator.admin() ? Mono.just(0) : rules.revokerRole(revoker, msg);
    return role.flatMap(level -> {
      long now = clock.millis();
      Revocation revocation = new Revocation(level, revoker.userID(), revoker.nickname(), now);
      return store.revoke(req.getConversationID(), req.getSeq(), revocation)
          .flatMap(done -> done ? notify(operator, revoker.userID(), req, msg, now) : Mono.error(notFound()));
    });
  }

  private Mono<Void> notify(Operator operator, String userID, RevokeMsgReq req, MsgData msg, long now) {
    RevokeMsgTips tips = RevokeMsgTips.newBuilder()
        .setRevokerUserID(operator.userID())
        .setClientMsgID(msg.getClientMsgID())
        .setRevokeTime(now)
        .setSesstionType(msg.getSessionType())
        .setSeq(req.getSeq())
        .setConversationID(req.getConversationID())
        .setIsAdminRevoke(operator.admin())
        .build();
    if (msg.getSessionType() == ConversationIds.GROUP_CHAT) {
      return notifier.revoked(userID, msg.getGroupID(), tips);
    }
    // To the other user of the conversation, so that it lands in the conversation's n_ twin. An admin revoking as a
    // third party sends it from the message's sender to its receiver, for the same reason.
    if (userID.equals(msg.getRecvID())) {
      return notifier.revoked(userID, msg.getSendID(), tips);
    }
    if (userID.equals(msg.getSendID())) {
      return notifier.revoked(userID, msg.getRecvID(), tips);
    }
    return notifier.revoked(msg.getSendID(), msg.getRecvID(), tips);
  }

  private static ImError notFound() {
    return new ImError(ErrorKind.RECORD_NOT_FOUND, "msg not found");
  }
}
