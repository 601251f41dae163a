package io.imflux.pipeline;

import io.imflux.proto.sdkws.MsgData;
import reactor.core.publisher.MonoSink;

/**
 * A message waiting in a shard for its seq, the operationID of the request that sent it (for its push), and the
 * sender's acknowledgement to complete once it is stored.
 */
record Pending(String conversationID, MsgData msg, String operationID, MonoSink<Long> ack) {}
