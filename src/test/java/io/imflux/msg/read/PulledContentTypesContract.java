package io.imflux.msg.read;

import static io.imflux.msg.read.ReadFixture.PULL;
import static io.imflux.msg.read.ReadFixture.assertFails;
import static io.imflux.msg.read.ReadFixture.bySeq;
import static io.imflux.msg.read.ReadFixture.message;
import static io.imflux.msg.read.ReadFixture.pulled;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.testing.ApiClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pulled messages show content types in the dialect's numbers (spec/dialects.md §3), and errors carry the dialect's
 * codes. Each dialect runs the same behaviour with its own numbers: subclasses say which.
 */
abstract class PulledContentTypesContract extends ChatRoutesTest {

  static final int BUSINESS_NOTIFICATION = 2001;
  static final int OA_NOTIFICATION = 1400;

  /** How the dialect shows a quote (stored 114), a business notification (2001) and an OA notification (1400). */
  abstract int quote();

  abstract int businessNotification();

  abstract int oaNotification();

  abstract String successMsg();

  @Test
  void chatContentTypesAreShownInTheDialectsNumbers() {
    chat.texts(alice, bob, 1);
    chat.send(message(alice, bob, ConversationIds.SINGLE_CHAT, ReadFixture.QUOTE,
        "{\"text\":\"re\",\"quoteMessage\":{\"seq\":1,\"contentType\":101,\"content\":\"{}\"}}"));
    chat.send(message(alice, bob, ConversationIds.SINGLE_CHAT, BUSINESS_NOTIFICATION, "{\"key\":\"k\",\"data\":\"d\"}"));

    JsonNode msgs = pulled(chat.pull(bob, conversationID, 1, 3, 3, 0), conversationID);

    assertThat(List.of(1, 2, 3).stream().map(seq -> bySeq(msgs, seq).get("contentType").asInt()))
        .containsExactly(101, quote(), businessNotification());
  }

  @Test
  void anOaNotificationIsShownInTheDialectsNumber() {
    MsgData oa = message(ApiClient.ADMIN_ID, bob, ConversationIds.NOTIFICATION_CHAT, OA_NOTIFICATION,
        "{\"notificationName\":\"n\",\"text\":\"t\"}");
    sender.send(new Operator(ApiClient.ADMIN_ID, Platform.ADMIN, true), oa).block(ReadFixture.WAIT);
    String notificationChat = ConversationIds.chat(oa);

    JsonNode msgs = pulled(chat.pull(bob, notificationChat, 1, 1, 1, 0), notificationChat);

    assertThat(bySeq(msgs, 1).get("contentType").asInt()).isEqualTo(oaNotification());
    assertThat(bySeq(msgs, 1).get("sessionType").asInt()).isEqualTo(ConversationIds.NOTIFICATION_CHAT);
  }

  @Test
  void theRoutesAnswerInTheDialectsEnvelope() {
    var ok = chat.api.post(ReadFixture.NEWEST_SEQ, chat.token(alice), Map.of("userID", alice));
    assertThat(ok.json().get("errMsg").asString()).isEqualTo(successMsg());
    assertFails(chat.api.post(PULL, chat.token(alice), Map.of("userID", bob)), 1002, bob);
    assertFails(chat.api.post(ReadFixture.MARK_MSGS, chat.token(alice), Map.of("userID", alice)), 1001,
        "conversationID is empty");
  }
}
