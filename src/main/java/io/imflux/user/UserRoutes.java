package io.imflux.user;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The user routes of spec/api-auth-user.md §5-§17: registration, profiles, lookups, online status. */
@Configuration(proxyBeanMethods = false)
class UserRoutes {

  @Bean
  RouterFunction<ServerResponse> userRouter(UserHandler handler) {
    return route()
        .POST("/user/user_register", handler::register)
        .POST("/user/update_user_info", handler::updateInfo)
        .POST("/user/update_user_info_ex", handler::updateInfoEx)
        .POST("/user/set_global_msg_recv_opt", handler::setGlobalRecvMsgOpt)
        .POST("/user/get_users_info", handler::usersInfo)
        .POST("/user/get_all_users_uid", handler::allUserIDs)
        .POST("/user/account_check", handler::accountCheck)
        .POST("/user/get_users", handler::searchUsers)
        .POST("/user/get_users_online_status", handler::onlineStatus)
        .POST("/user/get_users_online_token_detail", handler::onlineTokenDetail)
        .POST("/user/subscribe_users_status", handler::subscribe)
        .POST("/user/get_users_status", handler::usersStatus)
        .POST("/user/get_subscribe_users_status", handler::subscribedStatus)
        .build();
  }
}
