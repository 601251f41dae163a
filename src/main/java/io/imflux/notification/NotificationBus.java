package io.imflux.notification;

import io.imflux.api.OperationIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * The in-process stream of emitted notifications. Delivery subscribes to {@link #sent()} (the message pipeline
 * turns each into a message, pushed with the operationID of the request that emitted it); emitting never waits for
 * a subscriber and never fails the emitter.
 */
@Component
public class NotificationBus implements NotificationSender {

  private static final Logger log = LoggerFactory.getLogger(NotificationBus.class);

  /** A notification and the operationID of the request that emitted it. */
  record Sent(Notification notification, String operationID) {}

  private final Sinks.Many<Sent> sink = Sinks.many().multicast().directBestEffort();

  @Override
  public Mono<Void> send(Notification notification) {
    return Mono.deferContextual(context -> Mono.fromRunnable(() -> {
      Sinks.EmitResult result;
      synchronized (sink) {
        result = sink.tryEmitNext(new Sent(notification, OperationIds.of(context)));
      }
      if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
        log.warn("notification {} to {} not emitted: {}", notification.contentType(), notification.recvID(), result);
      }
      log.debug("notification {} {} -> {}", notification.contentType(), notification.sendID(), notification.recvID());
    }));
  }

  public Flux<Notification> events() {
    return sink.asFlux().map(Sent::notification);
  }

  Flux<Sent> sent() {
    return sink.asFlux();
  }
}
