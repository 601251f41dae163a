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
 * writes the underlying data invalidates the key in the same process, before answering its caller: through
 * {@link #invalidatingAfter}.
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

  /**
   * {@code write}, with {@code invalidation} run once it has landed and before its value, completion or error reaches
   * the subscriber: a caller that reacts to the outcome (answers HTTP, whose client asks again at once) must not read
   * the old value.
   *
   * <p>Why after the write and only then: every load is a future in the cache from the moment it starts, and a future
   * that was invalidated is never put back when it completes. So a load that read the old value before the write
   * landed is dropped by the invalidation, and every load that starts after it reads the new value. Invalidating before
   * the write instead would let a reader in between load the old value again and keep it. A reader between the write
   * and the invalidation may still get the old value; the write is not answered yet, so that is an order the caller
   * could have seen anyway. {@code doFinally} is too late: it runs after the subscriber got the outcome.
   *
   * <p>A subscriber that cancels does not stop the write: once started it runs to its end and then invalidates.
   * Invalidating at the cancel could come before a write the store still applies, and the cache would keep the old
   * value for up to its expiry.
   */
  public static <T> Mono<T> invalidatingAfter(Mono<T> write, Runnable invalidation) {
    return Mono.deferContextual(context ->
        Mono.fromFuture(write.doOnTerminate(invalidation).contextWrite(context).toFuture(), true));
  }

  public void invalidate(K key) {
    cache.synchronous().invalidate(key);
  }

  public void invalidateAll(Collection<? extends K> keys) {
    cache.synchronous().invalidateAll(keys);
  }
}
