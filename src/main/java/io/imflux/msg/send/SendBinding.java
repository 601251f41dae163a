package io.imflux.msg.send;

import io.imflux.api.ApiRequest;
import io.imflux.api.ImError;
import io.imflux.proto.msg.ApiBatchSendMsgReq;
import io.imflux.proto.msg.ApiSendBusinessNotificationReq;
import io.imflux.proto.msg.ApiSendMsgReq;
import io.imflux.proto.msg.ApiSendSimpleMsgReq;

/**
 * The binding rules of the four send routes' bodies: a body that breaks them is answered HTTP 400 with 1001
 * (spec/api-msg.md §1, §16 Q1). Session types here are the client's numbers, before any translation.
 */
final class SendBinding {

  private SendBinding() {}

  /** §4.1. */
  static void sendMsg(ApiRequest<ApiSendMsgReq> request) {
    ApiSendMsgReq body = request.body();
    common(body.getSendID(), body.getGroupID(), body.getContentType(), body.getSessionType(), request.has("content"));
    int sessionType = body.getSessionType();
    if ((sessionType == 1 || sessionType == 4) && body.getRecvID().isEmpty()) {
      throw ImError.args("recvID is required when sessionType is " + sessionType);
    }
  }

  /** §4.3: the rules of §4.1 without a receiver, and the receiver list must be present even with isSendAll. */
  static void batchSendMsg(ApiRequest<ApiBatchSendMsgReq> request) {
    ApiBatchSendMsgReq body = request.body();
    common(body.getSendID(), body.getGroupID(), body.getContentType(), body.getSessionType(), request.has("content"));
    if (!request.has("recvIDs")) {
      throw ImError.args("recvIDs is required");
    }
  }

  /** §4.4. */
  static void sendSimpleMsg(ApiRequest<ApiSendSimpleMsgReq> request) {
    if (request.body().getContent().isEmpty()) {
      throw ImError.args("content is required");
    }
  }

  /** §4.5. */
  static void sendBusinessNotification(ApiRequest<ApiSendBusinessNotificationReq> request) {
    if (request.body().getSendUserID().isEmpty()) {
      throw ImError.args("sendUserID is required");
    }
  }

  private static void common(String sendID, String groupID, int contentType, int sessionType, boolean hasContent) {
    if (sendID.isEmpty()) {
      throw ImError.args("sendID is required");
    }
    if ((sessionType == 2 || sessionType == 3) && groupID.isEmpty()) {
      throw ImError.args("groupID is required when sessionType is " + sessionType);
    }
    if (!hasContent) {
      throw ImError.args("content is required");
    }
    if (contentType == 0) {
      throw ImError.args("contentType is required");
    }
    if (sessionType == 0) {
      throw ImError.args("sessionType is required");
    }
  }
}
