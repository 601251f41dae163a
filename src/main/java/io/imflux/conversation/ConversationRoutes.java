package io.imflux.conversation;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The 12 conversation routes of spec/api-conversation.md, in the order of its route index. */
@Configuration(proxyBeanMethods = false)
class ConversationRoutes {

  @Bean
  RouterFunction<ServerResponse> conversationRouter(ConversationHandler handler) {
    return route()
        .POST("/conversation/get_sorted_conversation_list", handler::sortedList)
        .POST("/conversation/get_all_conversations", handler::all)
        .POST("/conversation/get_conversation", handler::one)
        .POST("/conversation/get_conversations", handler::many)
        .POST("/conversation/set_conversations", handler::set)
        .POST("/conversation/get_full_conversation_ids", handler::fullIDs)
        .POST("/conversation/get_incremental_conversations", handler::incremental)
        .POST("/conversation/get_owner_conversation", handler::owner)
        .POST("/conversation/get_not_notify_conversation_ids", handler::notNotifyIDs)
        .POST("/conversation/get_pinned_conversation_ids", handler::pinnedIDs)
        .POST("/conversation/delete_conversations", handler::delete)
        .POST("/conversation/update_conversations_by_user", handler::updateByUser)
        .build();
  }
}
