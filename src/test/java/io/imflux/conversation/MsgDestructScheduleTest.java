package io.imflux.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.ConversationIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The destruct job runs by itself on its interval (spec/api-conversation.md §5.4), here every 200 ms. */
@TestPropertySource(properties = "imflux.conversation.msg-destruct-interval=200ms")
class MsgDestructScheduleTest extends ConversationRouteTest {

  @Test
  void theJobRunsOnItsIntervalWithoutBeingAsked() {
    List<String> u = users("destruct_timer", 2);
    String owner = u.get(1);
    String conversationID = ConversationIds.single(u.get(0), owner);
    send(u.get(0), owner, System.currentTimeMillis() - 7_200_000L);
    send(u.get(0), owner);

    set(owner, single(owner, u.get(0), Map.of("isMsgDestruct", true, "msgDestructTime", 3600)));

    eventually(() -> record(owner, conversationID).get("minSeq").asLong() == 2);
    assertThat(record(owner, conversationID).get("latestMsgDestructTime").asLong()).isPositive();
  }
}
