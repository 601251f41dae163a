package io.imflux.bench.client;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

/**
 * Opens the load generator's connections, spread evenly over its event loops. Each loop has its own
 * {@link LoopResources} and its own client, and connection {@code i} goes to client {@code i % loops}: with one
 * shared {@code LoopResources} (colocated or not), Reactor Netty's HTTP client put every connection on the same
 * loop (issue 4's first trap; {@code RelayLoadTest} checks the spread with {@link #loopSpread}).
 */
public final class Connector implements AutoCloseable {

  /** The Go SDK's own inbound frame limit (§14). */
  private static final int MAX_FRAME = 1 << 20;
  private static final int PARALLEL_HANDSHAKES = 64;

  private final List<LoopResources> loops = new ArrayList<>();
  private final List<HttpClient> clients = new ArrayList<>();
  private final String url;

  /**
   * @param url     the gateway address as the SDK's {@code wsAddr}, e.g. {@code ws://127.0.0.1:10001}
   * @param workers event-loop threads of the load generator
   */
  public Connector(String url, int workers) {
    this.url = url;
    for (int i = 0; i < workers; i++) {
      LoopResources loop = LoopResources.create("bench-client-" + i, 1, 1, true, false);
      loops.add(loop);
      clients.add(HttpClient.create(ConnectionProvider.newConnection())
          .runOn(loop)
          .responseTimeout(Duration.ofSeconds(30)));
    }
  }

  /** The SDK's connect URL (§18.1): query parameters as the native build sends them, gob implied, gzip on. */
  public static String query(String userID, String token, int platformID) {
    return "?sendID=" + userID + "&token=" + token + "&platformID=" + platformID + "&operationID="
        + UUID.randomUUID() + "&isBackground=false&sdkVersion=v3.8.3&compression=gzip";
  }

  /** One connection; fails with the server's rejection (an HTTP body instead of an upgrade, §3.2). */
  public Mono<GatewayConnection> open(int index, String userID, String token, int platformID,
      GatewayConnection.Listener listener) {
    GatewayConnection connection = new GatewayConnection(index, userID, listener);
    CompletableFuture<GatewayConnection> ready = new CompletableFuture<>();
    clients.get(index % clients.size()).websocket(WebsocketClientSpec.builder().maxFramePayloadLength(MAX_FRAME).build())
        .uri(url + query(userID, token, platformID))
        .handle((in, out) -> {
          in.withConnection(c -> connection.attach(c.channel()));
          ready.complete(connection);
          return in.aggregateFrames(MAX_FRAME).receiveFrames().doOnNext(connection::received).then();
        })
        .subscribe(null,
            error -> {
              ready.completeExceptionally(error);
              connection.ended("connection failed: " + error);
            },
            () -> connection.ended("connection closed by the server"));
    return Mono.fromFuture(ready);
  }

  /** Opens {@code userIDs.size()} connections, a bounded number of handshakes at a time. */
  public List<GatewayConnection> openAll(List<String> userIDs, List<String> tokens, int platformID,
      GatewayConnection.Listener listener) {
    List<GatewayConnection> opened = Flux.range(0, userIDs.size())
        .flatMap(i -> open(i, userIDs.get(i), tokens.get(i), platformID, listener), PARALLEL_HANDSHAKES)
        .collectList()
        .block(Duration.ofMinutes(10));
    List<GatewayConnection> ordered = new ArrayList<>(opened);
    ordered.sort((a, b) -> Integer.compare(a.index, b.index));
    return ordered;
  }

  /** How many connections each event loop serves: the check for the colocation trap. */
  public static Map<String, Integer> loopSpread(List<GatewayConnection> connections) {
    Map<EventLoop, Integer> counts = new ConcurrentHashMap<>();
    connections.forEach(c -> counts.merge(c.eventLoop(), 1, Integer::sum));
    Map<String, Integer> byName = new TreeMap<>();
    counts.forEach((loop, count) -> byName.put("loop@" + Integer.toHexString(System.identityHashCode(loop)), count));
    return byName;
  }

  @Override
  public void close() {
    loops.forEach(loop -> loop.disposeLater().block(Duration.ofSeconds(10)));
  }
}
