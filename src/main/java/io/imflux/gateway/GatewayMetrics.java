package io.imflux.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The gateway's meters: open connections, frames in and out, push frames dropped for full queues, and refused
 * upgrades by error code. Exposed with every other meter on {@code /actuator/prometheus}.
 */
@Component
class GatewayMetrics {

  private final MeterRegistry registry;
  private final Counter framesIn;
  private final Counter framesOut;
  private final Counter pushesDropped;

  GatewayMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.framesIn = Counter.builder("imflux.gateway.frames.in")
        .description("Binary request frames received").register(registry);
    this.framesOut = Counter.builder("imflux.gateway.frames.out")
        .description("Frames written to connections").register(registry);
    this.pushesDropped = Counter.builder("imflux.gateway.push.dropped")
        .description("Push frames dropped because the connection's outbound queue was full").register(registry);
  }

  void connections(Supplier<Number> open) {
    Gauge.builder("imflux.gateway.connections", open).description("Open WebSocket connections").register(registry);
  }

  void frameIn() {
    framesIn.increment();
  }

  void framesOut(int count) {
    framesOut.increment(count);
  }

  void pushDropped() {
    pushesDropped.increment();
  }

  void rejected(int errCode) {
    registry.counter("imflux.gateway.upgrades.rejected", "errCode", Integer.toString(errCode)).increment();
  }
}
