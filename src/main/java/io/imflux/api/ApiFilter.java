package io.imflux.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The common middleware of every request, in the reference's order (spec/common.md §1.3): CORS headers and
 * OPTIONS, then for POST the {@code operationID} header, then the {@code token} header unless the path is
 * whitelisted. It runs for unknown paths too, as the reference's does (§1.6).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiFilter implements WebFilter {

  /** Exchange attribute holding the request's {@link Operator}. */
  public static final String OPERATOR = Operator.class.getName();

  static final List<String> WHITELIST = List.of("/auth/get_admin_token", "/auth/parse_token");

  private static final byte[] OPTIONS_BODY = "\"Options Request!\"".getBytes(StandardCharsets.UTF_8);

  private final ApiResponses responses;
  private final Authenticator authenticator;

  public ApiFilter(ApiResponses responses, Authenticator authenticator) {
    this.responses = responses;
    this.authenticator = authenticator;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    ServerHttpResponse response = exchange.getResponse();
    addCorsHeaders(response.getHeaders());
    if (request.getMethod() == HttpMethod.OPTIONS) {
      return ApiResponses.write(response, HttpStatus.OK, OPTIONS_BODY);
    }
    if (request.getMethod() != HttpMethod.POST) {
      return chain.filter(exchange);
    }
    String operationID = request.getHeaders().getFirst("operationID");
    if (operationID == null || operationID.isEmpty()) {
      return reject(exchange, ImError.args("header must have operationID"));
    }
    return authenticated(exchange, chain).contextWrite(OperationIds.with(operationID));
  }

  private Mono<Void> authenticated(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    String path = request.getPath().pathWithinApplication().value();
    if (WHITELIST.stream().anyMatch(path::startsWith)) {
      return chain.filter(exchange);
    }
    String token = request.getHeaders().getFirst("token");
    if (token == null || token.isEmpty()) {
      return reject(exchange, ImError.args("header must have token"));
    }
    return authenticator.authenticate(token)
        .flatMap(operator -> {
          exchange.getAttributes().put(OPERATOR, operator);
          return chain.filter(exchange);
        })
        .onErrorResume(ImError.class, error -> reject(exchange, error));
  }

  /**
   * Answers a POST with an error before routing. Its body is read and dropped first: answering a keep-alive request
   * whose body was never read can leave the connection no longer reading, and the client's next request on it hangs.
   */
  private Mono<Void> reject(ServerWebExchange exchange, ImError error) {
    return exchange.getRequest().getBody()
        .doOnNext(DataBufferUtils::release)
        .then(Mono.defer(() -> responses.writeError(exchange.getResponse(), error)));
  }

  private static void addCorsHeaders(HttpHeaders headers) {
    headers.set("Access-Control-Allow-Origin", "*");
    headers.set("Access-Control-Allow-Methods", "*");
    headers.set("Access-Control-Allow-Headers", "*");
    headers.set("Access-Control-Max-Age", "172800");
    headers.set("Access-Control-Allow-Credentials", "false");
    headers.set("Access-Control-Expose-Headers", "Content-Length, Access-Control-Allow-Origin, "
        + "Access-Control-Allow-Headers,Cache-Control,Content-Language,Content-Type,Expires,Last-Modified,Pragma,FooBar");
  }
}
