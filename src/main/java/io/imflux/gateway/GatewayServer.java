package io.imflux.gateway;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's own port (spec/gateway.md §1; {@code imflux.gateway.port}, default 10001): a Reactor Netty server on
 * the same event loops as the API, answering every path with the upgrade. {@link #port()} is the bound port, which
 * tests read when they configure port 0.
 */
@Component
public class GatewayServer implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(GatewayServer.class);
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final GatewayEndpoint endpoint;
  private final GatewayProperties properties;
  private volatile @Nullable DisposableServer server;

  GatewayServer(GatewayEndpoint endpoint, GatewayProperties properties) {
    this.endpoint = endpoint;
    this.properties = properties;
  }

  @Override
  public void start() {
    DisposableServer bound = HttpServer.create()
        .port(properties.port())
        // A TCP connection that sends no upgrade request in time is dropped (the reference's websocketTimeout).
        .idleTimeout(properties.handshakeTimeout())
        .handle(endpoint)
        .bindNow();
    server = bound;
    log.info("WebSocket gateway on port {}", bound.port());
  }

  @Override
  public void stop() {
    DisposableServer bound = server;
    if (bound != null) {
      bound.disposeNow(STOP_TIMEOUT);
      server = null;
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** The bound port; -1 while stopped. */
  public int port() {
    DisposableServer bound = server;
    return bound == null ? -1 : bound.port();
  }
}
