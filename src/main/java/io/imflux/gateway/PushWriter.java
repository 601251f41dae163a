package io.imflux.gateway;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import io.imflux.api.Dialect;
import io.imflux.cluster.PushRouter.Push;
import io.imflux.gateway.codec.Resp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMsgs;
import io.imflux.proto.sdkws.PushMessages;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes frame 2001 (spec/gateway.md §12.1) for one pushed message to every connection of every recipient on this
 * gateway, the sender's own devices included. The frame is built once and encoded once per frame format in use;
 * a connection whose queue is full loses this push and catches up by seq.
 */
@Component
class PushWriter {

  private static final Logger log = LoggerFactory.getLogger(PushWriter.class);
  private static final int MSGS = PushMessages.MSGS_FIELD_NUMBER;
  private static final int NOTIFICATION_MSGS = PushMessages.NOTIFICATIONMSGS_FIELD_NUMBER;

  private final SessionRegistry registry;
  private final Dialect dialect;
  private final GatewayMetrics metrics;

  PushWriter(SessionRegistry registry, Dialect dialect, GatewayMetrics metrics) {
    this.registry = registry;
    this.dialect = dialect;
    this.metrics = metrics;
  }

  void deliver(Push push) {
    PushFrames frames = null;
    for (String userID : push.userIDs()) {
      for (Session session : registry.sessions(userID)) {
        if (frames == null) {
          frames = new PushFrames(Resp.push(RequestIds.PUSH_MSG, push.operationID(),
              pushMessages(push.conversationID(), dialect.toClient(push.msg()), push.notification())));
        }
        if (!session.push(frames.frame(session.format)) && session.isOpen()) {
          metrics.pushDropped();
          log.debug("push of {} seq {} dropped for {}: queue full", push.conversationID(), push.msg().getSeq(),
              session);
        }
      }
    }
  }

  /**
   * {@code PushMessages{msgs or notificationMsgs: {conversationID: PullMsgs{Msgs: [msg]}}}}, written straight to
   * bytes: the same bytes as building the message, without building its map.
   */
  static byte[] pushMessages(String conversationID, MsgData msg, boolean notification) {
    int msgSize = msg.getSerializedSize();
    int pullMsgsSize = CodedOutputStream.computeTagSize(PullMsgs.MSGS_FIELD_NUMBER)
        + CodedOutputStream.computeUInt32SizeNoTag(msgSize) + msgSize;
    int entrySize = CodedOutputStream.computeStringSize(1, conversationID)
        + CodedOutputStream.computeTagSize(2) + CodedOutputStream.computeUInt32SizeNoTag(pullMsgsSize) + pullMsgsSize;
    int field = notification ? NOTIFICATION_MSGS : MSGS;
    byte[] bytes = new byte[CodedOutputStream.computeTagSize(field)
        + CodedOutputStream.computeUInt32SizeNoTag(entrySize) + entrySize];
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeTag(field, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(entrySize);
      out.writeString(1, conversationID);
      out.writeTag(2, WireFormat.WIRETYPE_LENGTH_DELIMITED);
      out.writeUInt32NoTag(pullMsgsSize);
      out.writeMessage(PullMsgs.MSGS_FIELD_NUMBER, msg);
      out.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes;
  }
}
