package io.imflux.msg;

import io.imflux.api.Operator;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.proto.sdkws.MsgData;
import reactor.core.publisher.Mono;

/**
 * The shared send path of spec/api-msg.md §11, used by every HTTP send route and by WebSocket request 1003: field
 * checks, stamping, the per-session-type checks, then the pipeline. Completes with {@code {serverMsgID,
 * clientMsgID, sendTime}} once the message is durable (no seq: the sender learns it from the push or a pull).
 * Content types are the server's own numbers (the openim dialect's); edges translate before calling.
 */
public interface MessageSender {

  Mono<SendMsgResp> send(Operator operator, MsgData message);
}
