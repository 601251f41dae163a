package io.imflux.jssdk;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The two JS SDK aggregate routes of spec/api-third-misc.md (20, 21). */
@Configuration(proxyBeanMethods = false)
class JssdkRoutes {

  @Bean
  RouterFunction<ServerResponse> jssdkRouter(JssdkHandler handler) {
    return route()
        .POST("/jssdk/get_conversations", handler::conversations)
        .POST("/jssdk/get_active_conversations", handler::activeConversations)
        .build();
  }
}
