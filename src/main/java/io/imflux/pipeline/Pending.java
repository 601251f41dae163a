package io.imflux.pipeline;

import io.imflux.proto.sdkws.MsgData;
import reactor.core.publisher.MonoSink;

/** A message waiting in a shard for its seq, and the sender's acknowledgement to complete once it is stored. */
record Pending(String conversationID, MsgData msg, MonoSink<Long> ack) {}
