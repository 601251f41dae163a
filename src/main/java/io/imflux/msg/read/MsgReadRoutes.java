package io.imflux.msg.read;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The seq, pull and read-state URLs of spec/api-msg.md §5 and §8. */
@Configuration(proxyBeanMethods = false)
class MsgReadRoutes {

  @Bean
  RouterFunction<ServerResponse> msgReadRouter(MsgReadHandler handler) {
    return RouterFunctions.route()
        .POST("/msg/newest_seq", handler::newestSeq)
        .POST("/msg/pull_msg_by_seq", handler::pullBySeq)
        .POST("/msg/get_conversations_has_read_and_max_seq", handler::hasReadAndMaxSeq)
        .POST("/msg/mark_msgs_as_read", handler::markMsgsAsRead)
        .POST("/msg/mark_conversation_as_read", handler::markConversationAsRead)
        .POST("/msg/set_conversation_has_read_seq", handler::setHasReadSeq)
        .build();
  }
}
