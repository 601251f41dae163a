package io.imflux.msg.manage;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The message-management routes of spec/api-msg.md §6, §7 and §9: revoke, delete, clear, search. */
@Configuration(proxyBeanMethods = false)
class MsgManageRoutes {

  @Bean
  RouterFunction<ServerResponse> msgManageRouter(MsgManageHandler handler) {
    return route()
        .POST("/msg/revoke_msg", handler::revoke)
        .POST("/msg/delete_msgs", handler::deleteMsgs)
        .POST("/msg/clear_conversation_msg", handler::clearConversations)
        .POST("/msg/user_clear_all_msg", handler::clearAll)
        // The reference's spelling of the path.
        .POST("/msg/delete_msg_phsical_by_seq", handler::deletePhysicalBySeq)
        .POST("/msg/delete_msg_physical", handler::deletePhysical)
        .POST("/msg/search_msg", handler::search)
        .build();
  }
}
