package io.imflux.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.SeqAllocator;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationTypes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * What group membership does to members' records (spec/api-conversation.md §5.2), through the methods the groups
 * feature calls: every changed owner is told with 1300 (our decision, whoever caused the change).
 */
class GroupConversationsTest extends ConversationRouteTest {

  @Autowired
  GroupConversations groupConversations;
  @Autowired
  SeqAllocator seqs;

  @Test
  void leavingCapsTheRecordAndSeqsAtTheGroupsMaxSeqAndJoiningAgainLiftsIt() {
    List<String> u = users("grp_conv", 2);
    String groupID = groups().create(u.get(0), Map.of(u.get(1), GroupDirectory.ROLE_ORDINARY));
    String conversationID = ConversationIds.group(groupID);
    sendToGroup(u.get(0), groupID);
    sendToGroup(u.get(0), groupID);
    List<Notification> changed = collect(of(NotificationTypes.CONVERSATION_CHANGED, u.get(1)));

    groupConversations.left(groupID, List.of(u.get(1))).block(WAIT);

    assertThat(record(u.get(1), conversationID).get("maxSeq").asLong()).isEqualTo(2);
    assertThat(seqs.user(u.get(1), conversationID).block(WAIT).maxSeq()).isEqualTo(2);
    assertThat(changed).hasSize(1);

    groupConversations.joined(groupID, List.of(u.get(1))).block(WAIT);

    assertThat(record(u.get(1), conversationID).get("maxSeq").asLong()).isZero();
    assertThat(seqs.user(u.get(1), conversationID).block(WAIT).maxSeq()).isZero();
    assertThat(changed).hasSize(2);
    assertThat(record(u.get(0), conversationID).get("maxSeq").asLong()).isZero();
  }

  @Test
  void joiningCreatesTheMissingRecordAndLogsIt() {
    List<String> u = users("grp_join", 2);
    String groupID = groups().create(u.get(0), Map.of());
    JsonNode before = api.ok(FULL_IDS, token(u.get(1)), Map.of("userID", u.get(1)));

    groupConversations.joined(groupID, List.of(u.get(1))).block(WAIT);

    JsonNode record = record(u.get(1), ConversationIds.group(groupID));
    assertThat(record.get("conversationType").asInt()).isEqualTo(3);
    assertThat(record.get("groupID").asString()).isEqualTo(groupID);
    JsonNode delta = api.ok(INCREMENTAL, token(u.get(1)), Map.of("userID", u.get(1),
        "versionID", before.get("versionID").asString(), "version", before.get("version").asLong()));
    // Created, then capped: the entry's latest state is the update.
    assertThat(ids(delta.get("update"))).containsExactly(ConversationIds.group(groupID));
  }

  @Test
  void anAnnouncementMarksEveryMembersRecordAndTellsThoseItChanged() {
    List<String> u = users("grp_notice", 3);
    String groupID = groups().create(u.get(0),
        Map.of(u.get(1), GroupDirectory.ROLE_ORDINARY, u.get(2), GroupDirectory.ROLE_ORDINARY));
    String conversationID = ConversationIds.group(groupID);
    sendToGroup(u.get(0), groupID);
    set(u.get(2), Map.of("conversationID", conversationID, "conversationType", 3, "groupID", groupID,
        "groupAtType", 4));
    List<Notification> changed = collect(n -> n.contentType() == NotificationTypes.CONVERSATION_CHANGED
        && u.contains(n.recvID()));

    groupConversations.announcementSet(groupID, u).block(WAIT);

    for (String member : u) {
      assertThat(record(member, conversationID).get("groupAtType").asInt()).isEqualTo(4);
    }
    assertThat(changed).extracting(Notification::recvID).containsExactlyInAnyOrder(u.get(0), u.get(1));
  }
}
