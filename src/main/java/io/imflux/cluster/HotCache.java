package io.imflux.cluster;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
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

  public void invalidate(K key) {
    cache.synchronous().invalidate(key);
  }

  public void invalidateAll(Collection<? extends K> keys) {
    cache.synchronous().invalidateAll(keys);
  }
}
