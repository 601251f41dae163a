package io.imflux.user.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The notification-account URLs (spec/api-auth-user.md §23–25). */
@Configuration(proxyBeanMethods = false)
class NotificationAccountRoutes {

  @Bean
  RouterFunction<ServerResponse> notificationAccountRouter(NotificationAccountHandler handler) {
    return RouterFunctions.route()
        .POST("/user/add_notification_account", handler::add)
        .POST("/user/update_notification_account", handler::update)
        .POST("/user/search_notification_account", handler::search)
        .build();
  }
}
