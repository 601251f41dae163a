package io.imflux.friend;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The 22 friend routes of spec/api-friend.md, in the order of its route index. */
@Configuration(proxyBeanMethods = false)
class FriendRoutes {

  @Bean
  RouterFunction<ServerResponse> friendRouter(FriendHandler handler) {
    return route()
        .POST("/friend/add_friend", handler::apply)
        .POST("/friend/add_friend_response", handler::respond)
        .POST("/friend/get_friend_apply_list", handler::receivedRequests)
        .POST("/friend/get_self_friend_apply_list", handler::sentRequests)
        .POST("/friend/get_designated_friend_apply", handler::designatedRequests)
        .POST("/friend/get_self_unhandled_apply_count", handler::unhandledCount)
        .POST("/friend/delete_friend", handler::delete)
        .POST("/friend/get_friend_list", handler::list)
        .POST("/friend/get_designated_friends", handler::designated)
        .POST("/friend/set_friend_remark", handler::setRemark)
        .POST("/friend/update_friends", handler::update)
        .POST("/friend/import_friend", handler::importFriends)
        .POST("/friend/is_friend", handler::isFriend)
        .POST("/friend/get_friend_id", handler::friendIDs)
        .POST("/friend/get_specified_friends_info", handler::specifiedInfo)
        .POST("/friend/get_incremental_friends", handler::incrementalFriends)
        .POST("/friend/get_full_friend_user_ids", handler::fullFriendUserIDs)
        .POST("/friend/add_black", handler::addBlack)
        .POST("/friend/remove_black", handler::removeBlack)
        .POST("/friend/get_black_list", handler::blackList)
        .POST("/friend/get_specified_blacks", handler::specifiedBlacks)
        .POST("/friend/get_incremental_blacks", handler::incrementalBlacks)
        .build();
  }
}
