package io.imflux.bench.wire;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The few protobuf messages the benchmark exchanges, written and read field by field with the numbers of the
 * OpenIM protocol (sdkws.MsgData, sdkws.GetMaxSeqReq, sdkws.PushMessages, msg.SendMsgResp): no generated classes,
 * so the benchmark does not share the server's build.
 */
public final class Proto {

  // sdkws.MsgData
  private static final int SEND_ID = 1;
  private static final int RECV_ID = 2;
  private static final int CLIENT_MSG_ID = 4;
  private static final int SERVER_MSG_ID = 5;
  private static final int SENDER_PLATFORM_ID = 6;
  private static final int SESSION_TYPE = 9;
  private static final int MSG_FROM = 10;
  private static final int CONTENT_TYPE = 11;
  private static final int CONTENT = 12;
  private static final int SEQ = 14;
  private static final int SEND_TIME = 15;
  private static final int CREATE_TIME = 16;
  private static final int STATUS = 17;
  public static final int SINGLE_CHAT = 1;
  public static final int TEXT = 101;
  private static final int FROM_USER = 100;
  private static final int SENDING = 1;

  /** A message as a 2001 push delivers it. */
  public record Pushed(String conversationID, boolean notification, String sendID, String recvID,
      String clientMsgID, String serverMsgID, long seq, long sendTime) {}

  /** The reply to 1003. */
  public record SendResult(String serverMsgID, String clientMsgID, long sendTime) {}

  /** The fields of a sent message the relay routes by. */
  public record Routing(String sendID, String recvID, String clientMsgID) {}

  private Proto() {}

  /** A one-to-one text message as the SDK sends it with 1003 (§18.5): bare MsgData, sendTime 0, status 1. */
  public static byte[] textMessage(String sendID, String recvID, String clientMsgID, int platformID, byte[] content,
      long createTime) {
    return write(out -> {
      out.writeString(SEND_ID, sendID);
      out.writeString(RECV_ID, recvID);
      out.writeString(CLIENT_MSG_ID, clientMsgID);
      out.writeInt32(SENDER_PLATFORM_ID, platformID);
      out.writeInt32(SESSION_TYPE, SINGLE_CHAT);
      out.writeInt32(MSG_FROM, FROM_USER);
      out.writeInt32(CONTENT_TYPE, TEXT);
      out.writeByteArray(CONTENT, content);
      out.writeInt64(CREATE_TIME, createTime);
      out.writeInt32(STATUS, SENDING);
    });
  }

  /** sdkws.GetMaxSeqReq{userID}: request 1001, the SDK's first request on a connection (§18.2). */
  public static byte[] getMaxSeq(String userID) {
    return write(out -> out.writeString(1, userID));
  }

  public static SendResult sendResult(byte[] bytes) {
    String serverMsgID = "";
    String clientMsgID = "";
    long sendTime = 0;
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag; (tag = in.readTag()) != 0; ) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case 1 -> serverMsgID = in.readString();
          case 2 -> clientMsgID = in.readString();
          case 3 -> sendTime = in.readInt64();
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("SendMsgResp: " + e.getMessage(), e);
    }
    return new SendResult(serverMsgID, clientMsgID, sendTime);
  }

  /** Every message of a sdkws.PushMessages: both maps of conversation ID to PullMsgs{Msgs}. */
  public static List<Pushed> pushed(byte[] bytes) {
    List<Pushed> messages = new ArrayList<>(1);
    try {
      CodedInputStream in = CodedInputStream.newInstance(bytes);
      for (int tag; (tag = in.readTag()) != 0; ) {
        int field = WireFormat.getTagFieldNumber(tag);
        if (field != 1 && field != 2) {
          in.skipField(tag);
          continue;
        }
        CodedInputStream entry = CodedInputStream.newInstance(in.readByteArray());
        String conversationID = "";
        List<byte[]> msgs = new ArrayList<>(1);
        for (int entryTag; (entryTag = entry.readTag()) != 0; ) {
          switch (WireFormat.getTagFieldNumber(entryTag)) {
            case 1 -> conversationID = entry.readString();
            case 2 -> {
              CodedInputStream pull = CodedInputStream.newInstance(entry.readByteArray());
              for (int pullTag; (pullTag = pull.readTag()) != 0; ) {
                if (WireFormat.getTagFieldNumber(pullTag) == 1) {
                  msgs.add(pull.readByteArray());
                } else {
                  pull.skipField(pullTag);
                }
              }
            }
            default -> entry.skipField(entryTag);
          }
        }
        for (byte[] msg : msgs) {
          messages.add(pushedMessage(conversationID, field == 2, msg));
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("PushMessages: " + e.getMessage(), e);
    }
    return messages;
  }

  private static Pushed pushedMessage(String conversationID, boolean notification, byte[] bytes) throws IOException {
    String sendID = "";
    String recvID = "";
    String clientMsgID = "";
    String serverMsgID = "";
    long seq = 0;
    long sendTime = 0;
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    for (int tag; (tag = in.readTag()) != 0; ) {
      switch (WireFormat.getTagFieldNumber(tag)) {
        case SEND_ID -> sendID = in.readString();
        case RECV_ID -> recvID = in.readString();
        case CLIENT_MSG_ID -> clientMsgID = in.readString();
        case SERVER_MSG_ID -> serverMsgID = in.readString();
        case SEQ -> seq = in.readInt64();
        case SEND_TIME -> sendTime = in.readInt64();
        default -> in.skipField(tag);
      }
    }
    return new Pushed(conversationID, notification, sendID, recvID, clientMsgID, serverMsgID, seq, sendTime);
  }

  // ---- the relay's side ----

  public static Routing routing(byte[] msgData) {
    String sendID = "";
    String recvID = "";
    String clientMsgID = "";
    try {
      CodedInputStream in = CodedInputStream.newInstance(msgData);
      for (int tag; (tag = in.readTag()) != 0; ) {
        switch (WireFormat.getTagFieldNumber(tag)) {
          case SEND_ID -> sendID = in.readString();
          case RECV_ID -> recvID = in.readString();
          case CLIENT_MSG_ID -> clientMsgID = in.readString();
          default -> in.skipField(tag);
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("MsgData: " + e.getMessage(), e);
    }
    return new Routing(sendID, recvID, clientMsgID);
  }

  /** The sent MsgData with serverMsgID, sendTime and seq set: protobuf keeps the last value of a repeated field. */
  public static byte[] stamped(byte[] msgData, String serverMsgID, long sendTime, long seq) {
    byte[] stamp = write(out -> {
      out.writeString(SERVER_MSG_ID, serverMsgID);
      out.writeInt64(SEND_TIME, sendTime);
      out.writeInt64(SEQ, seq);
    });
    byte[] all = new byte[msgData.length + stamp.length];
    System.arraycopy(msgData, 0, all, 0, msgData.length);
    System.arraycopy(stamp, 0, all, msgData.length, stamp.length);
    return all;
  }

  public static byte[] sendMsgResp(String serverMsgID, String clientMsgID, long sendTime) {
    return write(out -> {
      out.writeString(1, serverMsgID);
      out.writeString(2, clientMsgID);
      out.writeInt64(3, sendTime);
    });
  }

  /** PushMessages{msgs: {conversationID: PullMsgs{Msgs: [msg]}}}. */
  public static byte[] pushMessages(String conversationID, byte[] msgData) {
    byte[] pullMsgs = write(out -> out.writeByteArray(1, msgData));
    byte[] entry = write(out -> {
      out.writeString(1, conversationID);
      out.writeByteArray(2, pullMsgs);
    });
    return write(out -> out.writeByteArray(1, entry));
  }

  /** The conversation ID of a one-to-one chat (pipeline.md §3): {@code si_} and both user IDs in order. */
  public static String singleChatID(String a, String b) {
    return a.compareTo(b) <= 0 ? "si_" + a + "_" + b : "si_" + b + "_" + a;
  }

  private interface Writing {
    void to(CodedOutputStream out) throws IOException;
  }

  private static byte[] write(Writing writing) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      writing.to(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
