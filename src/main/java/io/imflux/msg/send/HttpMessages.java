package io.imflux.msg.send;

import com.google.protobuf.ByteString;
import io.imflux.api.json.GoJsonWriter;
import io.imflux.msg.MessageOptions;
import io.imflux.msg.MsgIds;
import io.imflux.proto.msg.ApiBatchSendMsgReq;
import io.imflux.proto.msg.ApiSendBusinessNotificationReq;
import io.imflux.proto.msg.ApiSendMsgReq;
import io.imflux.proto.msg.ApiSendSimpleMsgReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.NotificationElem;

/** The MsgData each HTTP send route builds before the shared send path (spec/api-msg.md §4.1, §4.4, §4.5). */
final class HttpMessages {

  /** {@code msgFrom}: a user's message, or one the system sends. */
  static final int MSG_FROM_USER = 100;
  static final int MSG_FROM_SYSTEM = 200;
  static final int SINGLE_CHAT = 1;
  static final int GROUP_CHAT = 3;
  static final int RELIABILITY_STORED = 2;

  private HttpMessages() {}

  /** §4.1: the request's fields as given, the checked content, a fresh clientMsgID and the options it asks for. */
  static MsgData sendMsg(ApiSendMsgReq request, SendContent content, long now) {
    MsgData.Builder msg = MsgData.newBuilder()
        .setSendID(request.getSendID())
        .setRecvID(request.getRecvID())
        .setGroupID(request.getGroupID())
        .setClientMsgID(MsgIds.clientMsgID())
        .setSenderPlatformID(request.getSenderPlatformID())
        .setSenderNickname(request.getSenderNickname())
        .setSenderFaceURL(request.getSenderFaceURL())
        .setSessionType(content.sessionType())
        .setMsgFrom(MSG_FROM_SYSTEM)
        .setContentType(content.contentType())
        .setContent(content.content())
        .setSendTime(request.getSendTime())
        .setCreateTime(now)
        .addAllAtUserIDList(content.atUserIDs())
        .setEx(request.getEx());
    if (request.hasOfflinePushInfo()) {
      msg.setOfflinePushInfo(request.getOfflinePushInfo());
    }
    if (request.getIsOnlineOnly()) {
      msg.putOptions(MessageOptions.HISTORY, false)
          .putOptions(MessageOptions.PERSISTENT, false)
          .putOptions(MessageOptions.SENDER_SYNC, false)
          .putOptions(MessageOptions.CONVERSATION_UPDATE, false);
    }
    if (request.getNotOfflinePush()) {
      msg.putOptions(MessageOptions.OFFLINE_PUSH, false);
    }
    return msg.build();
  }

  /** §4.3: a batch is a send_msg without a receiver; the loop sets one per message. */
  static ApiSendMsgReq withoutReceiver(ApiBatchSendMsgReq batch) {
    ApiSendMsgReq.Builder single = ApiSendMsgReq.newBuilder()
        .setSendID(batch.getSendID())
        .setGroupID(batch.getGroupID())
        .setSenderNickname(batch.getSenderNickname())
        .setSenderFaceURL(batch.getSenderFaceURL())
        .setSenderPlatformID(batch.getSenderPlatformID())
        .setContentType(batch.getContentType())
        .setSessionType(batch.getSessionType())
        .setIsOnlineOnly(batch.getIsOnlineOnly())
        .setNotOfflinePush(batch.getNotOfflinePush())
        .setSendTime(batch.getSendTime())
        .setEx(batch.getEx());
    if (batch.hasContent()) {
      single.setContent(batch.getContent());
    }
    if (batch.hasOfflinePushInfo()) {
      single.setOfflinePushInfo(batch.getOfflinePushInfo());
    }
    return single.build();
  }

  /** §4.3, our decision Q4: each receiver's copy has its own clientMsgID. */
  static MsgData forReceiver(MsgData template, String recvID) {
    return template.toBuilder()
        .setRecvID(recvID)
        .setClientMsgID(MsgIds.clientMsgID())
        .build();
  }

  /**
   * §4.4: a MarkdownText reply along the key, from the admin platform; a group key replies into the group as the
   * body's sender, a single-chat key back from the receiver to the sender. The sender's profile is filled in later.
   */
  static MsgData simple(SimpleMsgKey key, ApiSendSimpleMsgReq request, int adminPlatformID, long now) {
    String sendID = key.isGroup() ? request.getSendID() : key.recvID();
    MsgData.Builder msg = MsgData.newBuilder()
        .setSendID(sendID)
        .setRecvID(key.isGroup() ? "" : key.sendID())
        .setGroupID(key.groupID())
        .setClientMsgID(MsgIds.clientMsgID())
        .setSenderPlatformID(adminPlatformID)
        .setSessionType(key.isGroup() ? GROUP_CHAT : SINGLE_CHAT)
        .setMsgFrom(MSG_FROM_USER)
        .setContentType(ContentTypes.MARKDOWN_TEXT)
        .setContent(SendContent.markdown(request.getContent()))
        .setCreateTime(now)
        .setEx(request.getEx());
    if (request.hasOfflinePushInfo()) {
      msg.setOfflinePushInfo(request.getOfflinePushInfo());
    }
    return msg.build();
  }

  /**
   * §4.5: a 2001 notification carrying {@code {"key","data"}}, with the notification options of spec/pipeline.md
   * §4.2 for its reliability level and {@code sendMsg}; its clientMsgID is made from the caller's ID.
   */
  static MsgData businessNotification(ApiSendBusinessNotificationReq request, String callerUserID, long now) {
    boolean toUser = !request.getRecvUserID().isEmpty();
    boolean stored = request.hasReliabilityLevel() && request.getReliabilityLevel() == RELIABILITY_STORED;
    return MsgData.newBuilder()
        .setSendID(request.getSendUserID())
        .setRecvID(request.getRecvUserID())
        .setGroupID(request.getRecvGroupID())
        .setClientMsgID(MsgIds.clientMsgID())
        .setSessionType(toUser ? SINGLE_CHAT : GROUP_CHAT)
        .setMsgFrom(MSG_FROM_SYSTEM)
        .setContentType(ContentTypes.BUSINESS_NOTIFICATION)
        .setContent(businessContent(request.getKey(), request.getData()))
        .setCreateTime(now)
        .putAllOptions(MessageOptions.notificationDefaults())
        .putOptions(MessageOptions.IS_SEND_MSG, request.getSendMsg())
        .putOptions(MessageOptions.UNREAD_COUNT, request.getSendMsg())
        .putOptions(MessageOptions.HISTORY, stored)
        .putOptions(MessageOptions.PERSISTENT, stored)
        .build();
  }

  /** {@code {"detail":"{\"key\":…,\"data\":…}"}}: the inner object in the reference's field order, key first. */
  private static ByteString businessContent(String key, String data) {
    StringBuilder detail = new StringBuilder("{\"key\":");
    GoJsonWriter.writeString(key, detail);
    detail.append(",\"data\":");
    GoJsonWriter.writeString(data, detail);
    detail.append('}');
    return ByteString.copyFromUtf8(GoJsonWriter.write(NotificationElem.newBuilder()
        .setDetail(detail.toString())
        .build()));
  }
}
