package io.imflux.cluster;

import io.imflux.proto.sdkws.MsgData;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * Delivers a message to the connections of its recipients, wherever they are held (ARCHITECTURE §4): standalone,
 * the local gateway; cluster, only the nodes holding those users' connections. Delivery is best effort: a missed
 * push is repaired by the client's pull by seq.
 */
public interface PushRouter {

  /**
   * One message to push: its conversation, whether it travels in the notification map of the push frame, the users
   * whose every connection should receive it, and the operationID of the request that sent it (the frame's own).
   */
  record Push(String conversationID, MsgData msg, boolean notification, Set<String> userIDs, String operationID) {}

  Mono<Void> push(Push push);
}
