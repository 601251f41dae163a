package io.imflux.cluster.memory;

import io.imflux.cluster.PushRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Standalone push: every connection is in this process, so a push goes to the local gateway, which subscribes to
 * {@link #pushes()} and writes frame 2001 to the recipients' connections. Emitting never waits for the gateway.
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
public class LocalPushRouter implements PushRouter {

  private static final Logger log = LoggerFactory.getLogger(LocalPushRouter.class);

  private final Sinks.Many<Push> sink = Sinks.many().multicast().directBestEffort();

  @Override
  public Mono<Void> push(Push push) {
    return Mono.fromRunnable(() -> {
      Sinks.EmitResult result;
      synchronized (sink) {
        result = sink.tryEmitNext(push);
      }
      if (result.isFailure() && result != Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER) {
        log.warn("push of {} seq {} not emitted: {}", push.conversationID(), push.msg().getSeq(), result);
      }
    });
  }

  /** Every push, in the order the pipeline made them. */
  public Flux<Push> pushes() {
    return sink.asFlux();
  }
}
