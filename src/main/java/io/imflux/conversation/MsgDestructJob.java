package io.imflux.conversation;

import io.imflux.cluster.MessageStore;
import io.imflux.cluster.SeqAllocator;
import io.imflux.conversation.DestructMarkers.Marker;
import io.imflux.proto.conversation.Conversation;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Periodic message destruct (spec/api-conversation.md §5.4): for each record with {@code isMsgDestruct} whose period
 * is due, the owner's min seq moves past the last message older than {@code msgDestructTime} seconds, the record
 * notes the run, and the owner gets 1300. Runs on its own timer thread; the work itself never blocks.
 */
@Component
class MsgDestructJob implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(MsgDestructJob.class);
  /** Records handled at once within one run. */
  private static final int CONCURRENCY = 4;
  /** A long run reports how far it got this often. */
  private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

  /** How one run went. */
  record Summary(long checked, long destructed) {}

  private final DestructMarkers markers;
  private final ConversationStore store;
  private final Conversations conversations;
  private final ConversationNotifier notifier;
  private final MessageStore messages;
  private final SeqAllocator seqs;
  private final Clock clock;
  private final Scheduler timer = Schedulers.newSingle("msg-destruct");
  private final Disposable schedule;

  MsgDestructJob(DestructMarkers markers, ConversationStore store, Conversations conversations,
      ConversationNotifier notifier, MessageStore messages, SeqAllocator seqs, Clock clock,
      ConversationProperties properties) {
    this.markers = markers;
    this.store = store;
    this.conversations = conversations;
    this.notifier = notifier;
    this.messages = messages;
    this.seqs = seqs;
    this.clock = clock;
    Duration every = properties.msgDestructInterval();
    this.schedule = every.isZero() || every.isNegative()
        ? Disposables.disposed()
        : Flux.interval(every, every, timer)
            .onBackpressureDrop()
            .concatMap(tick -> run(clock.millis()).onErrorResume(e -> {
              log.warn("message destruct run failed; trying again on the next one", e);
              return Mono.empty();
            }), 1)
            .subscribe();
  }

  /** One pass over every record with destruct on, as of {@code now} (ms). */
  Mono<Summary> run(long now) {
    return Mono.defer(() -> {
      AtomicLong checked = new AtomicLong();
      AtomicLong destructed = new AtomicLong();
      long started = System.nanoTime();
      AtomicLong reported = new AtomicLong(started);
      return markers.all()
          .flatMap(marker -> destructIfDue(marker, now), CONCURRENCY)
          .doOnNext(done -> {
            checked.incrementAndGet();
            if (done) {
              destructed.incrementAndGet();
            }
            long last = reported.get();
            long nanos = System.nanoTime();
            if (nanos - last > PROGRESS_EVERY.toNanos() && reported.compareAndSet(last, nanos)) {
              log.info("message destruct: {} records checked, {} destructed so far", checked.get(), destructed.get());
            }
          })
          .then(Mono.fromSupplier(() -> {
            Summary summary = new Summary(checked.get(), destructed.get());
            if (summary.destructed() > 0) {
              log.info("message destruct: {} of {} records destructed in {} ms", summary.destructed(),
                  summary.checked(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            }
            return summary;
          }));
    });
  }

  /** True when the record was due and got destructed; a marker of a record without destruct is dropped. */
  private Mono<Boolean> destructIfDue(Marker marker, long now) {
    return store.find(marker.ownerUserID(), marker.conversationID())
        .filter(DestructMarkers::isOn)
        .flatMap(record -> isDue(record, now) ? destruct(record, now).thenReturn(true) : Mono.just(false))
        .switchIfEmpty(Mono.defer(() -> markers.drop(marker).thenReturn(false)));
  }

  /** Due once a full period passed since the last run (never run counts as long ago). */
  static boolean isDue(Conversation record, long now) {
    return record.getLatestMsgDestructTime() < now - saturatedMillis(record.getMsgDestructTime());
  }

  /**
   * Hides what is older than the period: min seq = one past the last message sent at or before now − period. Never
   * lowers a min seq (a clear may have raised it further); without such a message only the run time is noted.
   */
  private Mono<Void> destruct(Conversation record, long now) {
    String owner = record.getOwnerUserID();
    String conversationID = record.getConversationID();
    return messages.lastSeqSentAtOrBefore(conversationID, now - saturatedMillis(record.getMsgDestructTime()))
        .flatMap(lastOld -> {
          ConversationPatch patch = ConversationPatch.of(ConversationPatch.LATEST_MSG_DESTRUCT_TIME, now);
          long minSeq = lastOld + 1;
          if (lastOld == 0 || minSeq <= record.getMinSeq()) {
            return conversations.update(List.of(owner), conversationID, patch);
          }
          return seqs.user(owner, conversationID)
              .flatMap(current -> current.minSeq() >= minSeq
                  ? Mono.<Void>empty()
                  : seqs.setUserMinSeq(owner, conversationID, minSeq))
              .then(conversations.update(List.of(owner), conversationID,
                  patch.with(ConversationPatch.MIN_SEQ, minSeq)));
        })
        .then(notifier.changed(owner, conversationID));
  }

  /** {@code seconds} in ms, kept inside the long range. */
  private static long saturatedMillis(long seconds) {
    return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
  }

  @Override
  public void destroy() {
    schedule.dispose();
    timer.dispose();
  }
}
