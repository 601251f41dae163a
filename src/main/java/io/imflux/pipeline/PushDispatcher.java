package io.imflux.pipeline;

import io.imflux.cluster.PushRouter;
import io.imflux.cluster.PushRouter.Push;
import io.imflux.group.GroupDirectory;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageOptions;
import io.imflux.proto.sdkws.MsgData;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Works out who receives a message (spec/pipeline.md §10.1) and hands it to the {@link PushRouter}, in the order
 * messages were dispatched, off the caller's thread. Pushing is best effort: clients repair gaps by seq.
 */
@Component
public class PushDispatcher implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(PushDispatcher.class);

  private final GroupDirectory groups;
  private final PushRouter router;
  private final Sinks.Many<Push> queue = Sinks.many().unicast().onBackpressureBuffer(Queues.<Push>unboundedMultiproducer().get());
  private final Disposable worker;

  public PushDispatcher(GroupDirectory groups, PushRouter router) {
    this.groups = groups;
    this.router = router;
    this.worker = queue.asFlux()
        .concatMap(push -> resolve(push).flatMap(router::push).onErrorResume(e -> {
          log.warn("push of {} seq {} failed", push.conversationID(), push.msg().getSeq(), e);
          return Mono.empty();
        }))
        .subscribe();
  }

  /**
   * Queues a message for push, with the operationID of the request that sent it; recipients are resolved when its
   * turn comes.
   */
  public void dispatch(String conversationID, MsgData msg, String operationID) {
    Sinks.EmitResult result;
    synchronized (queue) {
      result = queue.tryEmitNext(
          new Push(conversationID, msg, ConversationIds.isNotification(conversationID), Set.of(), operationID));
    }
    if (result.isFailure()) {
      log.warn("push of {} seq {} not queued: {}", conversationID, msg.getSeq(), result);
    }
  }

  private Mono<Push> resolve(Push push) {
    MsgData msg = push.msg();
    if (msg.getSessionType() == ConversationIds.GROUP_CHAT) {
      return groups.memberIDs(msg.getGroupID())
          .collect(LinkedHashSet<String>::new, Set::add)
          .map(members -> new Push(push.conversationID(), msg, push.notification(), members, push.operationID()));
    }
    Set<String> users = new LinkedHashSet<>();
    users.add(msg.getRecvID());
    if (MessageOptions.flag(msg, MessageOptions.SENDER_SYNC)) {
      users.add(msg.getSendID());
    }
    return Mono.just(new Push(push.conversationID(), msg, push.notification(), users, push.operationID()));
  }

  @Override
  public void destroy() {
    worker.dispose();
  }
}
