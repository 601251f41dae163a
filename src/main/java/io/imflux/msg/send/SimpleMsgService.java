package io.imflux.msg.send;

import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.msg.MessageSender;
import io.imflux.proto.msg.ApiSendMsgResp;
import io.imflux.proto.msg.ApiSendSimpleMsgReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.UserStore;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/send_simple_msg} (spec/api-msg.md §4.4): a bot's or webhook receiver's Markdown reply along the
 * {@code key} a webhook handed out. The shared send path checks that the caller is the resolved sender or an admin.
 */
@Service
class SimpleMsgService {

  private final MessageSender sender;
  private final UserStore users;
  private final SendStatusStore statuses;
  private final Dialect dialect;
  private final Clock clock;

  SimpleMsgService(MessageSender sender, UserStore users, SendStatusStore statuses, Dialect dialect, Clock clock) {
    this.sender = sender;
    this.users = users;
    this.statuses = statuses;
    this.dialect = dialect;
    this.clock = clock;
  }

  Mono<ApiSendMsgResp> send(Operator operator, Optional<String> key, ApiSendSimpleMsgReq request,
      String operationID) {
    return Mono.defer(() -> {
      SimpleMsgKey parsed = SimpleMsgKey.parse(key);
      if (parsed.sendID().isEmpty()) {
        throw ImError.args("missing recvID or GroupID");
      }
      MsgData msg = HttpMessages.simple(parsed, request, dialect.platformId(Platform.ADMIN), clock.millis());
      if (msg.getSendID().isEmpty()) {
        throw ImError.args("missing sendID");
      }
      return withSenderProfile(msg)
          .flatMap(profiled -> sender.send(operator, profiled))
          .doOnNext(sent -> statuses.recordSuccess(operationID))
          .map(SendService::reply);
    });
  }

  /** The sender's nickname and face from the profile; an unknown sender is 1004. */
  private Mono<MsgData> withSenderProfile(MsgData msg) {
    return users.find(msg.getSendID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "sender " + msg.getSendID())))
        .map(user -> msg.toBuilder().setSenderNickname(user.nickname()).setSenderFaceURL(user.faceURL()).build());
  }
}
