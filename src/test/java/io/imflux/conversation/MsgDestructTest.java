package io.imflux.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import io.imflux.cluster.SeqAllocator;
import io.imflux.msg.ConversationIds;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.conversation.Conversation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Periodic message destruct (spec/api-conversation.md §5.4): one run of the job at a chosen time, and what it does to
 * the owner's min seq, their record, their pulls and their devices.
 */
class MsgDestructTest extends ConversationRouteTest {

  private static final long HOUR = 3_600_000L;

  @Autowired
  MsgDestructJob job;
  @Autowired
  SeqAllocator seqs;

  @Test
  void aDueRunHidesMessagesOlderThanThePeriodFromTheOwnerOnly() {
    List<String> u = users("destruct", 2);
    String sender = u.get(0);
    String owner = u.get(1);
    String conversationID = ConversationIds.single(sender, owner);
    long now = System.currentTimeMillis();
    send(sender, owner, now - 10 * HOUR);
    send(sender, owner, now - 9 * HOUR);
    send(sender, owner, now - 60_000);
    set(owner, single(owner, sender, Map.of("isMsgDestruct", true, "msgDestructTime", 3600)));
    List<Notification> changed = collect(of(NotificationTypes.CONVERSATION_CHANGED, owner));

    job.run(now).block(WAIT);

    assertThat(userMinSeq(owner, conversationID)).isEqualTo(3);
    JsonNode record = record(owner, conversationID);
    assertThat(record.get("minSeq").asLong()).isEqualTo(3);
    assertThat(record.get("latestMsgDestructTime").asLong()).isEqualTo(now);
    assertThat(pulledSeqs(owner, conversationID)).containsExactly(3L);
    assertThat(pulledSeqs(sender, conversationID)).containsExactly(1L, 2L, 3L);
    assertThat(userMinSeq(sender, conversationID)).isZero();
    assertThat(changed).hasSize(1);

    // Not due again within the period; due after it, when the last message is old too.
    job.run(now + HOUR - 1).block(WAIT);
    assertThat(changed).hasSize(1);
    job.run(now + HOUR + 1).block(WAIT);
    assertThat(userMinSeq(owner, conversationID)).isEqualTo(4);
    assertThat(record(owner, conversationID).get("latestMsgDestructTime").asLong()).isEqualTo(now + HOUR + 1);
    assertThat(changed).hasSize(2);
  }

  @Test
  void withoutOldMessagesARunOnlyNotesItsTime() {
    List<String> u = users("destruct_new", 2);
    String owner = u.get(1);
    String conversationID = ConversationIds.single(u.get(0), owner);
    long now = System.currentTimeMillis();
    send(u.get(0), owner, now - 1000);
    set(owner, single(owner, u.get(0), Map.of("isMsgDestruct", true, "msgDestructTime", 60)));
    List<Notification> changed = collect(of(NotificationTypes.CONVERSATION_CHANGED, owner));

    job.run(now).block(WAIT);

    JsonNode record = record(owner, conversationID);
    assertThat(record.get("minSeq").asLong()).isZero();
    assertThat(record.get("latestMsgDestructTime").asLong()).isEqualTo(now);
    assertThat(userMinSeq(owner, conversationID)).isZero();
    assertThat(changed).hasSize(1);
  }

  @Test
  void aRunNeverLowersAMinSeqAClearRaised() {
    List<String> u = users("destruct_clear", 2);
    String owner = u.get(1);
    String conversationID = ConversationIds.single(u.get(0), owner);
    long now = System.currentTimeMillis();
    send(u.get(0), owner, now - 10 * HOUR);
    send(u.get(0), owner, now - 60_000);
    api.ok("/msg/clear_conversation_msg", token(owner), Map.of("userID", owner,
        "conversationIDs", List.of(conversationID)));
    set(owner, single(owner, u.get(0), Map.of("isMsgDestruct", true, "msgDestructTime", 3600)));

    job.run(now).block(WAIT);

    assertThat(userMinSeq(owner, conversationID)).isEqualTo(3);
    assertThat(record(owner, conversationID).get("minSeq").asLong()).isEqualTo(3);
    assertThat(record(owner, conversationID).get("latestMsgDestructTime").asLong()).isEqualTo(now);
  }

  @Test
  void turningDestructOffStopsItAndForgetsTheRecord() {
    List<String> u = users("destruct_off", 2);
    String owner = u.get(1);
    String conversationID = ConversationIds.single(u.get(0), owner);
    long now = System.currentTimeMillis();
    send(u.get(0), owner, now - 10 * HOUR);
    set(owner, single(owner, u.get(0), Map.of("isMsgDestruct", true, "msgDestructTime", 3600)));
    assertThat(marked(owner, conversationID)).isTrue();
    set(owner, single(owner, u.get(0), Map.of("isMsgDestruct", false)));

    job.run(now).block(WAIT);

    assertThat(userMinSeq(owner, conversationID)).isZero();
    assertThat(record(owner, conversationID).get("latestMsgDestructTime").asLong()).isEqualTo(NEVER);
    assertThat(marked(owner, conversationID)).isFalse();
  }

  @Test
  void aRecordIsDueOncePeriodHasPassedSinceItsLastRun() {
    Conversation never = Conversations.blank("o", "si_o_p", 1, "p", "")
        .setIsMsgDestruct(true).setMsgDestructTime(60).build();
    assertThat(MsgDestructJob.isDue(never, 0)).isTrue();
    Conversation ran = never.toBuilder().setLatestMsgDestructTime(1_000_000).build();
    assertThat(MsgDestructJob.isDue(ran, 1_060_000)).isFalse();
    assertThat(MsgDestructJob.isDue(ran, 1_060_001)).isTrue();
    assertThat(MsgDestructJob.isDue(ran.toBuilder().setMsgDestructTime(Long.MAX_VALUE).build(), Long.MAX_VALUE))
        .isFalse();
  }

  private long userMinSeq(String userID, String conversationID) {
    return seqs.user(userID, conversationID).block(WAIT).minSeq();
  }

  private List<Long> pulledSeqs(String userID, String conversationID) {
    JsonNode pulled = api.ok("/msg/pull_msg_by_seq", token(userID), Map.of("userID", userID, "order", 0,
        "seqRanges", List.of(Map.of("conversationID", conversationID, "begin", 1, "end", 10, "num", 10))))
        .path("msgs").path(conversationID).path("Msgs");
    return pulled.values().stream().map(msg -> msg.get("seq").asLong()).toList();
  }

  private boolean marked(String owner, String conversationID) {
    return Mono.from(database.getCollection("conversation_destruct")
        .countDocuments(Filters.eq("_id", owner + ":" + conversationID))).block(WAIT) > 0;
  }
}
