package io.imflux.msg;

import io.imflux.api.Operator;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.MsgData;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The shared send path (spec/api-msg.md §11): the caller may send as {@code sendID} only when it is that user or an
 * admin; then field checks, stamping, the session type's checks, and delivery. Answers once the message is durable.
 */
@Service
public class MsgSendService implements MessageSender {

  private final MessageStamping stamping;
  private final SendChecks checks;
  private final MessageDelivery delivery;

  public MsgSendService(MessageStamping stamping, SendChecks checks, MessageDelivery delivery) {
    this.stamping = stamping;
    this.checks = checks;
    this.delivery = delivery;
  }

  @Override
  public Mono<SendMsgResp> send(Operator operator, MsgData message) {
    return Mono.defer(() -> {
      MsgData checked = stamping.check(message);
      operator.requireSelfOrAdmin(checked.getSendID());
      return checks.check(checked)
          .map(stamping::stamp)
          .flatMap(stamped -> delivery.deliver(stamped).thenReturn(SendMsgResp.newBuilder()
              .setServerMsgID(stamped.getServerMsgID())
              .setClientMsgID(stamped.getClientMsgID())
              .setSendTime(stamped.getSendTime())
              .build()));
    });
  }
}
