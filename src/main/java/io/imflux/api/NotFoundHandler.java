package io.imflux.api;

import java.nio.charset.StandardCharsets;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * Unknown paths and wrong methods answer as Go's router does: 404 with the text {@code 404 page not found}
 * (spec/common.md §1.6), ahead of Spring Boot's JSON error page.
 */
@Component
@Order(-2)
public class NotFoundHandler implements WebExceptionHandler {

  private static final byte[] BODY = "404 page not found".getBytes(StandardCharsets.UTF_8);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
    if (!(error instanceof ResponseStatusException status) || !isNoRoute(status.getStatusCode())) {
      return Mono.error(error);
    }
    ServerHttpResponse response = exchange.getResponse();
    if (response.isCommitted()) {
      return Mono.error(error);
    }
    response.setStatusCode(HttpStatus.NOT_FOUND);
    response.getHeaders().setContentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8));
    response.getHeaders().setContentLength(BODY.length);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(BODY)));
  }

  private static boolean isNoRoute(HttpStatusCode code) {
    return code.value() == 404 || code.value() == 405;
  }
}
