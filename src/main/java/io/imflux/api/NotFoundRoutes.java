package io.imflux.api;

import java.nio.charset.StandardCharsets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** Unknown paths and wrong methods answer as Go's router does: 404 {@code 404 page not found} (spec/common.md §1.6). */
@Configuration(proxyBeanMethods = false)
public class NotFoundRoutes {

  private static final byte[] BODY = "404 page not found".getBytes(StandardCharsets.UTF_8);

  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  RouterFunction<ServerResponse> notFoundRoute() {
    return RouterFunctions.route(RequestPredicates.all(), request -> ServerResponse.status(HttpStatus.NOT_FOUND)
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .bodyValue(BODY));
  }
}
