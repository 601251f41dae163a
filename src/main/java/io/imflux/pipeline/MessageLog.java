package io.imflux.pipeline;

import io.imflux.proto.sdkws.MsgData;
import reactor.core.publisher.Mono;

/**
 * The ordered, durable hand-off from the send path to each conversation's sequencer (ARCHITECTURE §4). A
 * conversation always maps to the same shard, so its messages are numbered in append order.
 */
public interface MessageLog {

  /**
   * Appends a message to be stored in {@code conversationID}; completes once it is durable, with its seq. The
   * operationID of the request that sent it travels with it to its push frames.
   */
  Mono<Long> append(String conversationID, MsgData message, String operationID);
}
