package io.imflux.cluster;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * A bounded in-process cache of hot reads (ARCHITECTURE §1, the {@code Cache} port's standalone form): the send path
 * asks for the same users, relations and conversation records for every message. Absence is cached too. Whoever
 * writes the underlying data invalidates the key in the same process, before answering its caller.
 */
public final class HotCache<K, V> {

  private final AsyncCache<K, Optional<V>> cache;

  public HotCache(long maximumSize, Duration expireAfterWrite) {
    this.cache = Caffeine.newBuilder().maximumSize(maximumSize).expireAfterWrite(expireAfterWrite).buildAsync();
  }

  /** The cached value, or what {@code loader} finds (empty = absent), loaded once for concurrent callers. */
  public Mono<V> get(K key, Function<K, Mono<V>> loader) {
    return Mono.fromFuture(() -> cache.get(key, (k, executor) -> loader.apply(k).map(Optional::of)
            .defaultIfEmpty(Optional.empty()).toFuture()), true)
        .flatMap(Mono::justOrEmpty);
  }

  /**
   * The value when it is cached and loaded, without loading it or building a publisher: for hot paths that ask for
   * every message. Empty when it is not cached yet, and when it is cached as absent.
   */
  public Optional<V> peek(K key) {
    CompletableFuture<Optional<V>> cached = cache.getIfPresent(key);
    return cached != null && cached.isDone() && !cached.isCompletedExceptionally() ? cached.join() : Optional.empty();
  }

  public void invalidate(K key) {
    cache.synchronous().invalidate(key);
  }

  public void invalidateAll(Collection<? extends K> keys) {
    cache.synchronous().invalidateAll(keys);
  }
}
