package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.Resp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMsgs;
import io.imflux.proto.sdkws.PushMessages;
import org.junit.jupiter.api.Test;

/** The 2001 payload and the encode-once cache of pushes (spec/gateway.md §12.1). */
class PushWriterTest {

  private static final MsgData MSG = MsgData.newBuilder()
      .setSendID("u1").setRecvID("u2").setClientMsgID("c1").setServerMsgID("s1").setSessionType(1)
      .setContentType(101).setContent(ByteString.copyFromUtf8("{\"content\":\"hé\"}")).setSeq(7).setStatus(2)
      .putOptions("history", true).addAtUserIDList("x".repeat(300))
      .build();

  @Test
  void handWrittenPushMessagesAreTheBuildersBytes() {
    PushMessages chat = PushMessages.newBuilder()
        .putMsgs("si_u1_u2", PullMsgs.newBuilder().addMsgs(MSG).build()).build();
    assertThat(PushWriter.pushMessages("si_u1_u2", MSG, false)).isEqualTo(chat.toByteArray());
    PushMessages notification = PushMessages.newBuilder()
        .putNotificationMsgs("n_u1_u2", PullMsgs.newBuilder().addMsgs(MSG).build()).build();
    assertThat(PushWriter.pushMessages("n_u1_u2", MSG, true)).isEqualTo(notification.toByteArray());
    MsgData empty = MsgData.getDefaultInstance();
    assertThat(PushWriter.pushMessages("", empty, false)).isEqualTo(PushMessages.newBuilder()
        .putMsgs("", PullMsgs.newBuilder().addMsgs(empty).build()).build().toByteArray());
  }

  @Test
  void aPushIsEncodedOncePerFormat() {
    PushFrames frames = new PushFrames(Resp.push(2001, "", PushWriter.pushMessages("si_u1_u2", MSG, false)));
    for (FrameFormat format : FrameFormat.values()) {
      byte[] first = frames.frame(format);
      assertThat(frames.frame(format)).isSameAs(first);
      assertThat(format.decodeResponse(first).reqIdentifier()).isEqualTo(2001);
    }
    assertThat(frames.frame(FrameFormat.GOB)).isNotSameAs(frames.frame(FrameFormat.GOB_GZIP));
  }
}
