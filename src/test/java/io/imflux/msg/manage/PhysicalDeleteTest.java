package io.imflux.msg.manage;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.proto.sdkws.MsgData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /msg/delete_msg_phsical_by_seq} and {@code /msg/delete_msg_physical} (spec/api-msg.md §9.4, §9.5, Q7). */
class PhysicalDeleteTest extends ManageRouteTest {

  private static final long DAY_SECONDS = Duration.ofDays(1).toSeconds();

  @Test
  void anAdminErasesSeqsForEveryone() {
    String[] u = users("ph_seq", 2);
    long first = send(u[0], u[1]);
    long second = send(u[1], u[0]);
    String conversationID = ConversationIds.single(u[0], u[1]);

    assertError(api.post(ERASE_BY_SEQ, token(u[0]), Map.of("conversationID", conversationID,
        "seqs", List.of(first))), 1002, "not admin");
    assertEmptySuccess(api.post(ERASE_BY_SEQ, api.adminToken(), Map.of("conversationID", conversationID,
        "seqs", List.of(first))));

    assertThat(store.find(conversationID, List.of(first, second)).map(StoredMessage::seq).collectList().block(WAIT))
        .containsExactly(second);
    for (String user : u) {
      MsgData placeholder = reader.read(user, conversationID, List.of(first)).blockFirst(WAIT);
      assertThat(placeholder.getStatus()).isEqualTo(MessageReader.STATUS_DELETED);
      assertThat(placeholder.getContent().isEmpty()).isTrue();
    }
    // The reference has no Check rules here: nothing to erase is a success.
    assertEmptySuccess(api.post(ERASE_BY_SEQ, api.adminToken(), "{}"));
  }

  @Test
  void messagesOlderThanTheAgeAreErasedInTheListedConversationsAndMinSeqsRise() {
    String[] u = users("ph_age", 3);
    long now = System.currentTimeMillis();
    long old1 = sendAt(u[0], u[1], now - Duration.ofDays(10).toMillis());
    long old2 = sendAt(u[1], u[0], now - Duration.ofDays(9).toMillis());
    long recent = sendAt(u[0], u[1], now);
    long otherOld = sendAt(u[0], u[2], now - Duration.ofDays(10).toMillis());
    String listed = ConversationIds.single(u[0], u[1]);
    String unlisted = ConversationIds.single(u[0], u[2]);

    assertEmptySuccess(api.post(ERASE_BY_AGE, api.adminToken(),
        Map.of("conversationIDs", List.of(listed), "timestamp", 2 * DAY_SECONDS)));

    assertThat(store.find(listed, List.of(old1, old2, recent)).map(StoredMessage::seq).collectList().block(WAIT))
        .containsExactly(recent);
    assertThat(seqs.conversation(listed).block(WAIT).minSeq()).isEqualTo(old2 + 1);
    assertThat(store.find(unlisted, List.of(otherOld)).count().block(WAIT)).isEqualTo(1);
    assertThat(seqs.conversation(unlisted).block(WAIT).minSeq()).isZero();
  }

  @Test
  void anEmptyListMeansEveryConversation() {
    String[] u = users("ph_every", 3);
    long now = System.currentTimeMillis();
    // Older than anything other tests send, so that erasing everywhere touches only these.
    long veryOld = sendAt(u[0], u[1], now - Duration.ofDays(400).toMillis());
    long alsoVeryOld = sendAt(u[2], u[0], now - Duration.ofDays(399).toMillis());
    long recent = sendAt(u[2], u[0], now);

    api.ok(ERASE_BY_AGE, api.adminToken(), Map.of("conversationIDs", List.of(), "timestamp", 300 * DAY_SECONDS));

    assertThat(store.find(ConversationIds.single(u[0], u[1]), List.of(veryOld)).count().block(WAIT)).isZero();
    assertThat(seqs.conversation(ConversationIds.single(u[0], u[1])).block(WAIT).minSeq()).isEqualTo(veryOld + 1);
    String second = ConversationIds.single(u[0], u[2]);
    assertThat(store.find(second, List.of(alsoVeryOld, recent)).map(StoredMessage::seq).collectList().block(WAIT))
        .containsExactly(recent);
  }

  @Test
  void theCheckRulesAndTheAdminCheck() {
    String[] u = users("ph_check", 1);

    assertError(api.post(ERASE_BY_AGE, api.adminToken(), Map.of("timestamp", 1)), 1001, "conversationIDs is empty");
    assertError(api.post(ERASE_BY_AGE, api.adminToken(), Map.of("conversationIDs", List.of(), "timestamp", -1)),
        1001, "timestamp is invalid");
    assertError(api.post(ERASE_BY_AGE, token(u[0]), Map.of("conversationIDs", List.of(), "timestamp", 1)),
        1002, "not admin");
  }

  private long sendAt(String from, String to, long sendTime) {
    return send(text(from).setRecvID(to).setSessionType(ConversationIds.SINGLE_CHAT)
        .setSendTime(sendTime));
  }
}
