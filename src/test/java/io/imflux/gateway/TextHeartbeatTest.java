package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The JSON text heartbeat's parsing and Go-style echo (spec/gateway.md §13). */
class TextHeartbeatTest {

  @Test
  void pingsEchoTheirBodyCompacted() {
    assertThat(TextHeartbeat.answer("{\"type\":\"ping\",\"body\":\"op\"}")).contains("{\"type\":\"pong\",\"body\":\"op\"}");
    assertThat(TextHeartbeat.answer("{\"body\": [ 1, \"a b\", {\"k\" : null} ], \"type\":\"ping\"}"))
        .contains("{\"type\":\"pong\",\"body\":[1,\"a b\",{\"k\":null}]}");
    assertThat(TextHeartbeat.answer("{\"type\":\"ping\",\"body\":\"\\\"q\\\" \\u2028 é\"}"))
        .contains("{\"type\":\"pong\",\"body\":\"\\\"q\\\" \\u2028 é\"}");
    assertThat(TextHeartbeat.answer("{\"type\":\"ping\",\"body\":\"\u2028\"}"))
        .contains("{\"type\":\"pong\",\"body\":\"\\u2028\"}");
    assertThat(TextHeartbeat.answer("{\"type\":\"ping\",\"body\":null}")).contains("{\"type\":\"pong\",\"body\":null}");
    assertThat(TextHeartbeat.answer("{\"type\":\"ping\",\"body\":12.50}")).contains("{\"type\":\"pong\",\"body\":12.50}");
  }

  @Test
  void pongsNeedNoAnswer() {
    assertThat(TextHeartbeat.answer("{\"type\":\"pong\"}")).isEmpty();
  }

  @Test
  void everythingElseIsNotAHeartbeat() {
    for (String text : new String[] {"", "ping", "null", "{}", "{\"type\":null}", "{\"type\":\"PING\"}",
        "{\"type\":true}", "{\"type\":\"ping\"", "{\"type\":\"ping\"}{}"}) {
      assertThatThrownBy(() -> TextHeartbeat.answer(text)).as(text).isInstanceOf(TextHeartbeat.NotAHeartbeat.class);
    }
  }
}
