package io.imflux.user.command;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The user command store's URLs (spec/api-auth-user.md §18–22). */
@Configuration(proxyBeanMethods = false)
class UserCommandRoutes {

  @Bean
  RouterFunction<ServerResponse> userCommandRouter(UserCommandHandler handler) {
    return RouterFunctions.route()
        .POST("/user/process_user_command_add", handler::add)
        .POST("/user/process_user_command_delete", handler::delete)
        .POST("/user/process_user_command_update", handler::update)
        .POST("/user/process_user_command_get", handler::get)
        .POST("/user/process_user_command_get_all", handler::getAll)
        .build();
  }
}
