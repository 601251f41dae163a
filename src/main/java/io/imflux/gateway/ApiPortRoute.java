package io.imflux.gateway;

import org.springframework.boot.reactor.netty.NettyRouteProvider;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServerRoutes;

/**
 * The gateway at {@code /msg_gateway} on the API port, for deployments that expose one port (ARCHITECTURE §1):
 * a Reactor Netty route ahead of the WebFlux handler, so the upgrade never passes the HTTP API's filters.
 */
@Component
class ApiPortRoute implements NettyRouteProvider {

  static final String PATH = "/msg_gateway";

  private final GatewayEndpoint endpoint;

  ApiPortRoute(GatewayEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @Override
  public HttpServerRoutes apply(HttpServerRoutes routes) {
    return routes.get(PATH, endpoint);
  }
}
