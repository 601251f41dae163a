package io.imflux.gateway;

import io.imflux.cluster.memory.LocalPushRouter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Standalone mode's consumer of {@link LocalPushRouter}: every push is handed to the gateway's own push thread,
 * so the pipeline that emits it (a sequencer shard holding its lock) never waits for encoding and fan-out. The
 * buffer in between is unbounded: dropping here would lose the push for every recipient, not one slow connection.
 */
@Component
@ConditionalOnProperty(name = "imflux.mode", havingValue = "standalone", matchIfMissing = true)
class LocalPushFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LocalPushFeed.class);

  private final LocalPushRouter router;
  private final PushWriter writer;
  private @Nullable Scheduler thread;
  private @Nullable Disposable subscription;

  LocalPushFeed(LocalPushRouter router, PushWriter writer) {
    this.router = router;
    this.writer = writer;
  }

  @Override
  public void start() {
    Scheduler pushThread = Schedulers.newSingle("imflux-gateway-push");
    thread = pushThread;
    subscription = router.pushes()
        .onBackpressureBuffer()
        .publishOn(pushThread)
        .subscribe(push -> {
          try {
            writer.deliver(push);
          } catch (RuntimeException e) {
            log.warn("push of {} seq {} failed", push.conversationID(), push.msg().getSeq(), e);
          }
        }, error -> log.error("the gateway receives no more pushes", error));
  }

  @Override
  public void stop() {
    if (subscription != null) {
      subscription.dispose();
    }
    if (thread != null) {
      thread.dispose();
    }
    subscription = null;
    thread = null;
  }

  @Override
  public boolean isRunning() {
    return subscription != null;
  }
}
