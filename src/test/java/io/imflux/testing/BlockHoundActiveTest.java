package io.imflux.testing;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** BlockHound is installed in every test JVM (blockhound-junit-platform), so a blocking call on an event loop fails. */
class BlockHoundActiveTest {

  @Test
  void sleepingOnAParallelThreadFailsWithABlockingOperationError() {
    Mono<Long> blocking = Mono.delay(Duration.ofMillis(1), Schedulers.parallel()).doOnNext(tick -> sleep());
    StepVerifier.create(blocking)
        .expectErrorMatches(e -> e instanceof BlockingOperationError && e.getMessage().contains("Thread.sleep"))
        .verify(Duration.ofSeconds(10));
  }

  private static void sleep() {
    try {
      Thread.sleep(1);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
