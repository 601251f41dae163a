package io.imflux.auth;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The /auth/* routes (spec/api-auth-user.md §1-§4). */
@Configuration(proxyBeanMethods = false)
class AuthRoutes {

  @Bean
  RouterFunction<ServerResponse> authRouter(AuthHandler handler) {
    return route()
        .POST("/auth/get_admin_token", handler::getAdminToken)
        .POST("/auth/get_user_token", handler::getUserToken)
        .POST("/auth/parse_token", handler::parseToken)
        .POST("/auth/force_logout", handler::forceLogout)
        .build();
  }
}
