package io.imflux.user.clientconfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The client-configuration URLs (spec/api-auth-user.md §26–29). */
@Configuration(proxyBeanMethods = false)
class ClientConfigRoutes {

  @Bean
  RouterFunction<ServerResponse> clientConfigRouter(ClientConfigHandler handler) {
    return RouterFunctions.route()
        .POST("/user/get_user_client_config", handler::get)
        .POST("/user/set_user_client_config", handler::set)
        .POST("/user/del_user_client_config", handler::delete)
        .POST("/user/page_user_client_config", handler::page)
        .build();
  }
}
