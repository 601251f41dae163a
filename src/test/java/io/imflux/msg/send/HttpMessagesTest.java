package io.imflux.msg.send;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Struct;
import io.imflux.api.json.GoJsonReader;
import io.imflux.proto.msg.ApiBatchSendMsgReq;
import io.imflux.proto.msg.ApiSendBusinessNotificationReq;
import io.imflux.proto.msg.ApiSendMsgReq;
import io.imflux.proto.msg.ApiSendSimpleMsgReq;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.OfflinePushInfo;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The MsgData the HTTP send routes build (spec/api-msg.md §4.1, §4.3-§4.5, §12.1). */
class HttpMessagesTest {

  private static final Pattern MSG_ID = Pattern.compile("[0-9a-f]{32}");
  private static final long NOW = 1_719_900_000_000L;

  private static Struct json(String text) {
    return GoJsonReader.read(text.getBytes(StandardCharsets.UTF_8), Struct.getDefaultInstance()).message();
  }

  private static ApiSendMsgReq.Builder textRequest() {
    return ApiSendMsgReq.newBuilder().setSendID("alice").setRecvID("bob").setContentType(101).setSessionType(1)
        .setContent(json("{\"content\":\"hi\"}"));
  }

  private static MsgData sendMsg(ApiSendMsgReq request) {
    SendContent content = SendContent.of(request.getContentType(), request.getSessionType(), request.getContent());
    return HttpMessages.sendMsg(request, content, NOW);
  }

  @Nested
  class SendMsg {

    @Test
    void copiesTheRequestAndStampsWhatTheApiOwns() {
      OfflinePushInfo push = OfflinePushInfo.newBuilder().setTitle("t").setIOSBadgeCount(true).build();
      MsgData msg = sendMsg(textRequest().setGroupID("ignored").setSenderNickname("Al").setSenderFaceURL("f")
          .setSenderPlatformID(5).setSendTime(123).setOfflinePushInfo(push).setEx("e").build());

      assertThat(msg.getSendID()).isEqualTo("alice");
      assertThat(msg.getRecvID()).isEqualTo("bob");
      assertThat(msg.getGroupID()).isEqualTo("ignored");
      assertThat(msg.getSenderNickname()).isEqualTo("Al");
      assertThat(msg.getSenderFaceURL()).isEqualTo("f");
      assertThat(msg.getSenderPlatformID()).isEqualTo(5);
      assertThat(msg.getSendTime()).isEqualTo(123);
      assertThat(msg.getOfflinePushInfo()).isEqualTo(push);
      assertThat(msg.getEx()).isEqualTo("e");
      assertThat(msg.getSessionType()).isEqualTo(1);
      assertThat(msg.getContentType()).isEqualTo(101);
      assertThat(msg.getMsgFrom()).isEqualTo(200);
      assertThat(msg.getCreateTime()).isEqualTo(NOW);
      assertThat(msg.getClientMsgID()).matches(MSG_ID);
      assertThat(msg.getServerMsgID()).isEmpty();
      assertThat(msg.getSeq()).isZero();
      assertThat(msg.getStatus()).isZero();
      assertThat(msg.getOptionsMap()).isEmpty();
      assertThat(msg.getAtUserIDListList()).isEmpty();
      assertThat(msg.hasOfflinePushInfo()).isTrue();
      assertThat(sendMsg(textRequest().build()).hasOfflinePushInfo()).isFalse();
    }

    @Test
    void everyMessageGetsItsOwnClientMsgID() {
      assertThat(sendMsg(textRequest().build()).getClientMsgID())
          .isNotEqualTo(sendMsg(textRequest().build()).getClientMsgID());
    }

    @Test
    void contentIsTheOriginalObjectWithSortedKeysAndGoNumbers() {
      MsgData msg = sendMsg(textRequest().setContent(json("{\"z\":1.0,\"content\":\"<hi>\",\"A\":[2.50,{}]}")).build());

      assertThat(msg.getContent().toStringUtf8())
          .isEqualTo("{\"A\":[2.5,{}],\"content\":\"\\u003chi\\u003e\",\"z\":1}");
    }

    @Test
    void onlineOnlyTurnsStorageAndSyncOffAndNotOfflinePushThePush() {
      assertThat(sendMsg(textRequest().setIsOnlineOnly(true).build()).getOptionsMap()).isEqualTo(Map.of(
          "history", false, "persistent", false, "senderSync", false, "conversationUpdate", false));
      assertThat(sendMsg(textRequest().setNotOfflinePush(true).build()).getOptionsMap())
          .isEqualTo(Map.of("offlinePush", false));
      assertThat(sendMsg(textRequest().setIsOnlineOnly(true).setNotOfflinePush(true).build()).getOptionsMap())
          .hasSize(5);
    }

    @Test
    void atTextRepeatsItsMentionsAsStrings() {
      MsgData msg = sendMsg(textRequest().setContentType(106)
          .setContent(json("{\"text\":\"@b @7\",\"atUserList\":[\"bob\",7,\"AtAllTag\"]}")).build());

      assertThat(msg.getAtUserIDListList()).containsExactly("bob", "7", "AtAllTag");
      assertThat(msg.getContent().toStringUtf8())
          .isEqualTo("{\"atUserList\":[\"bob\",7,\"AtAllTag\"],\"text\":\"@b @7\"}");
    }

    @Test
    void anOaNotificationIsWrappedAsDetailAndGoesToTheNotificationChat() {
      MsgData msg = sendMsg(textRequest().setContentType(1400).setSessionType(1)
          .setContent(json("{\"text\":\"t\",\"notificationType\":1,\"notificationName\":\"n&m\"}")).build());

      assertThat(msg.getSessionType()).isEqualTo(4);
      assertThat(msg.getContentType()).isEqualTo(1400);
      assertThat(msg.getContent().toStringUtf8()).isEqualTo(
          "{\"detail\":\"{\\\"notificationName\\\":\\\"n\\\\u0026m\\\",\\\"notificationType\\\":1,"
              + "\\\"text\\\":\\\"t\\\"}\"}");
    }
  }

  @Nested
  class Batch {

    @Test
    void aBatchIsASendMsgWithoutReceiverAndEachReceiverGetsItsOwnClientMsgID() {
      ApiBatchSendMsgReq batch = ApiBatchSendMsgReq.newBuilder().setSendID("alice").setGroupID("g")
          .setSenderNickname("n").setSenderFaceURL("f").setSenderPlatformID(3).setContent(json("{\"content\":\"x\"}"))
          .setContentType(101).setSessionType(1).setIsOnlineOnly(true).setNotOfflinePush(true).setSendTime(9)
          .setOfflinePushInfo(OfflinePushInfo.newBuilder().setDesc("d")).setEx("e").addRecvIDs("bob")
          .setIsSendAll(true).build();

      ApiSendMsgReq single = HttpMessages.withoutReceiver(batch);
      MsgData template = sendMsg(single);
      MsgData toBob = HttpMessages.forReceiver(template, "bob");
      MsgData toCarol = HttpMessages.forReceiver(template, "carol");

      assertThat(single).isEqualTo(ApiSendMsgReq.newBuilder().setSendID("alice").setGroupID("g")
          .setSenderNickname("n").setSenderFaceURL("f").setSenderPlatformID(3).setContent(json("{\"content\":\"x\"}"))
          .setContentType(101).setSessionType(1).setIsOnlineOnly(true).setNotOfflinePush(true).setSendTime(9)
          .setOfflinePushInfo(OfflinePushInfo.newBuilder().setDesc("d")).setEx("e").build());
      assertThat(toBob.getRecvID()).isEqualTo("bob");
      assertThat(toCarol.getRecvID()).isEqualTo("carol");
      assertThat(toBob.getClientMsgID()).matches(MSG_ID).isNotEqualTo(toCarol.getClientMsgID());
      assertThat(toBob.toBuilder().clearRecvID().clearClientMsgID().build())
          .isEqualTo(template.toBuilder().clearRecvID().clearClientMsgID().build());
    }
  }

  @Nested
  class Simple {

    private final ApiSendSimpleMsgReq body = ApiSendSimpleMsgReq.newBuilder().setContent("**hi** <b>").setSendID("bot2")
        .setEx("e").setOfflinePushInfo(OfflinePushInfo.newBuilder().setTitle("t")).build();

    @Test
    void aSingleChatKeyRepliesFromTheReceiverToTheSender() {
      MsgData msg = HttpMessages.simple(new SimpleMsgKey("u1", "bot", ""), body, 999, NOW);

      assertThat(msg.getSendID()).isEqualTo("bot");
      assertThat(msg.getRecvID()).isEqualTo("u1");
      assertThat(msg.getGroupID()).isEmpty();
      assertThat(msg.getSessionType()).isEqualTo(1);
      assertThat(msg.getContentType()).isEqualTo(118);
      assertThat(msg.getMsgFrom()).isEqualTo(100);
      assertThat(msg.getSenderPlatformID()).isEqualTo(999);
      assertThat(msg.getContent().toStringUtf8()).isEqualTo("{\"content\":\"**hi** \\u003cb\\u003e\"}");
      assertThat(msg.getClientMsgID()).matches(MSG_ID);
      assertThat(msg.getCreateTime()).isEqualTo(NOW);
      assertThat(msg.getEx()).isEqualTo("e");
      assertThat(msg.getOfflinePushInfo().getTitle()).isEqualTo("t");
    }

    @Test
    void aGroupKeyRepliesIntoTheGroupAsTheBodysSender() {
      MsgData msg = HttpMessages.simple(new SimpleMsgKey("u1", "", "g1"), body, 10, NOW);

      assertThat(msg.getSendID()).isEqualTo("bot2");
      assertThat(msg.getRecvID()).isEmpty();
      assertThat(msg.getGroupID()).isEqualTo("g1");
      assertThat(msg.getSessionType()).isEqualTo(3);
      assertThat(msg.getSenderPlatformID()).isEqualTo(10);
    }
  }

  @Nested
  class BusinessNotification {

    private final ApiSendBusinessNotificationReq.Builder request = ApiSendBusinessNotificationReq.newBuilder()
        .setSendUserID("svc").setRecvUserID("bob").setKey("order").setData("{\"id\":1}");

    @Test
    void isA2001NotificationWithKeyAndDataInItsDetail() {
      MsgData msg = HttpMessages.businessNotification(request.build(), "imAdmin", NOW);

      assertThat(msg.getSendID()).isEqualTo("svc");
      assertThat(msg.getRecvID()).isEqualTo("bob");
      assertThat(msg.getSessionType()).isEqualTo(1);
      assertThat(msg.getContentType()).isEqualTo(2001);
      assertThat(msg.getMsgFrom()).isEqualTo(200);
      assertThat(msg.getCreateTime()).isEqualTo(NOW);
      assertThat(msg.getClientMsgID()).matches(MSG_ID);
      assertThat(msg.getContent().toStringUtf8())
          .isEqualTo("{\"detail\":\"{\\\"key\\\":\\\"order\\\",\\\"data\\\":\\\"{\\\\\\\"id\\\\\\\":1}\\\"}\"}");
    }

    @Test
    void aGroupReceiverIsAGroupChat() {
      MsgData msg = HttpMessages.businessNotification(request.clearRecvUserID().setRecvGroupID("g1").build(), "a", NOW);

      assertThat(msg.getSessionType()).isEqualTo(3);
      assertThat(msg.getGroupID()).isEqualTo("g1");
      assertThat(msg.getRecvID()).isEmpty();
    }

    @Test
    void reliabilityOneOrAbsentIsAnOnlineOnlyNotification() {
      Map<String, Boolean> expected = Map.ofEntries(Map.entry("isNotNotification", false),
          Map.entry("isSendMsg", false), Map.entry("history", false), Map.entry("persistent", false),
          Map.entry("offlinePush", false), Map.entry("unreadCount", false), Map.entry("conversationUpdate", false),
          Map.entry("senderSync", true), Map.entry("notPrivate", false), Map.entry("senderConversationUpdate", false),
          Map.entry("reactionFromCache", false));

      assertThat(HttpMessages.businessNotification(request.build(), "a", NOW).getOptionsMap()).isEqualTo(expected);
      assertThat(HttpMessages.businessNotification(request.setReliabilityLevel(1).build(), "a", NOW).getOptionsMap())
          .isEqualTo(expected);
      assertThat(HttpMessages.businessNotification(request.setReliabilityLevel(3).build(), "a", NOW).getOptionsMap())
          .isEqualTo(expected);
    }

    @Test
    void reliabilityTwoIsStoredAndSendMsgAddsTheChatCopyWithUnreadCount() {
      Map<String, Boolean> options = HttpMessages.businessNotification(
          request.setReliabilityLevel(2).setSendMsg(true).build(), "a", NOW).getOptionsMap();

      assertThat(options).containsEntry("history", true).containsEntry("persistent", true)
          .containsEntry("isSendMsg", true).containsEntry("unreadCount", true).containsEntry("offlinePush", false)
          .containsEntry("isNotNotification", false).containsEntry("senderSync", true);
    }
  }
}
