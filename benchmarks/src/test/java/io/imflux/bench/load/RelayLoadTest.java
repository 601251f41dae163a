package io.imflux.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.imflux.bench.client.Connector;
import io.imflux.bench.client.GatewayConnection;
import io.imflux.bench.relay.Relay;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;

/**
 * The load generator end to end against the relay in this JVM: every message is acknowledged and pushed to both
 * users, the ledger finds nothing lost, and the client's connections are spread over its event loops.
 */
class RelayLoadTest {

  @Test
  void aSmallStepLosesNothing() {
    DisposableServer relay = new Relay().start(0, 2);
    List<String> users = IntStream.range(0, 20).mapToObj(i -> "user" + i).toList();
    LoadTest load = new LoadTest(users, 2);
    try (Connector connector = new Connector("ws://127.0.0.1:" + relay.port(), 2)) {
      List<GatewayConnection> connections =
          connector.openAll(users, Collections.nCopies(users.size(), "t"), 2, load);
      load.attach(connections);
      load.firstRequests();
      assertEquals(2, Connector.loopSpread(connections).size(), "connections on both client loops");
      StepResult result = load.step(1, 400, Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(10),
          () -> 0, LoadTest.Window.NONE);
      assertEquals(600, result.sent());
      assertEquals(600, result.acked());
      assertEquals(0, result.lost(), result.toString());
      assertEquals(0, result.errors(), result.toString());
      assertTrue(result.delivery().getTotalCount() > 300, "latencies recorded for the measured window");
      connections.forEach(GatewayConnection::close);
    } finally {
      relay.disposeNow();
    }
  }
}
