package io.imflux.msg.send;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The HTTP send routes of spec/api-msg.md §4 and the server time of §10. */
@Configuration(proxyBeanMethods = false)
class SendRoutes {

  @Bean
  RouterFunction<ServerResponse> sendRouter(SendHandler handler) {
    return route()
        .POST("/msg/send_msg", handler::sendMsg)
        .POST("/msg/batch_send_msg", handler::batchSendMsg)
        .POST("/msg/send_simple_msg", handler::sendSimpleMsg)
        .POST("/msg/send_business_notification", handler::sendBusinessNotification)
        .POST("/msg/check_msg_is_send_success", handler::checkSendStatus)
        .POST("/msg/get_server_time", handler::serverTime)
        .build();
  }
}
