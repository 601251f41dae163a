package io.imflux.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

/**
 * {@link HotCache#invalidatingAfter}: whoever reacts to a write's outcome reads the new value, whether the write
 * answers a value, completes empty or fails, and a cancelled caller neither stops the write nor skips the invalidation.
 */
class HotCacheTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final HotCache<String, String> cache = new HotCache<>(100, Duration.ofMinutes(10));
  private final AtomicReference<String> stored = new AtomicReference<>("old");
  private final AtomicInteger loads = new AtomicInteger();

  private Mono<String> read() {
    return cache.get("k", key -> Mono.fromSupplier(() -> {
      loads.incrementAndGet();
      return stored.get();
    }));
  }

  private <T> Mono<T> invalidating(Mono<T> write) {
    return HotCache.invalidatingAfter(write, () -> cache.invalidate("k"));
  }

  @Test
  void theCallersNextStepReadsWhatAnEmptyWriteStored() {
    StepVerifier.create(read()).expectNext("old").verifyComplete();
    Mono<Void> write = Mono.fromRunnable(() -> stored.set("new"));

    StepVerifier.create(invalidating(write).then(read())).expectNext("new").verifyComplete();
  }

  @Test
  void theCallersNextStepReadsWhatAValuedWriteStoredWhenItGetsTheValue() {
    StepVerifier.create(read()).expectNext("old").verifyComplete();
    Mono<Boolean> write = Mono.fromSupplier(() -> {
      stored.set("new");
      return true;
    });

    StepVerifier.create(invalidating(write).flatMap(inserted -> read())).expectNext("new").verifyComplete();
  }

  @Test
  void theCallerOfAFailedWriteReadsWhatItLeftBehind() {
    StepVerifier.create(read()).expectNext("old").verifyComplete();
    Mono<String> write = Mono.fromRunnable(() -> stored.set("half")).then(Mono.error(new IllegalStateException("x")));

    StepVerifier.create(invalidating(write).onErrorResume(IllegalStateException.class, e -> read()))
        .expectNext("half")
        .verifyComplete();
  }

  @Test
  void aCancelledCallerLeavesTheWriteRunningAndItStillInvalidates() {
    StepVerifier.create(read()).expectNext("old").verifyComplete();
    Sinks.One<Void> database = Sinks.one();
    AtomicInteger cancelled = new AtomicInteger();
    Mono<Void> write = database.asMono().doOnSuccess(done -> stored.set("new")).doOnCancel(cancelled::incrementAndGet);

    Disposable caller = invalidating(write).subscribe();
    caller.dispose();
    database.tryEmitEmpty().orThrow();

    assertThat(cancelled).hasValue(0);
    StepVerifier.create(read()).expectNext("new").verifyComplete();
  }

  @Test
  void theWriteSeesTheCallersContext() {
    Mono<String> write = Mono.deferContextual(context -> Mono.just(context.<String>get("operationID")));

    StepVerifier.create(invalidating(write).contextWrite(Context.of("operationID", "op-1")))
        .expectNext("op-1")
        .verifyComplete();
  }

  /** What makes invalidating after the write enough: a load that read the old value is not put back once dropped. */
  @Test
  void aLoadInFlightWhenInvalidatedIsNotKept() {
    Sinks.One<String> slowLoad = Sinks.one();
    CompletableFuture<String> firstReader = cache.get("k", key -> slowLoad.asMono()).toFuture();

    cache.invalidate("k");
    slowLoad.tryEmitValue("old").orThrow();
    stored.set("new");

    assertThat(firstReader).succeedsWithin(WAIT).isEqualTo("old");
    StepVerifier.create(read()).expectNext("new").verifyComplete();
    assertThat(loads).hasValue(1);
  }
}
