package io.imflux.msg;

import io.imflux.api.OperationIds;
import io.imflux.pipeline.MessageLog;
import io.imflux.pipeline.PushDispatcher;
import io.imflux.proto.sdkws.MsgData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends a checked and stamped message on its way (spec/pipeline.md §4.3): a notification with {@code isSendMsg}
 * first gets a stored chat copy; a stored message goes through the {@link MessageLog}; an online-only one is pushed
 * at once with seq 0. Completes when every stored part is durable.
 */
@Component
public class MessageDelivery {

  static final int STATUS_SUCCESS = 2;

  private final MessageLog log;
  private final PushDispatcher pushes;

  public MessageDelivery(MessageLog log, PushDispatcher pushes) {
    this.log = log;
    this.pushes = pushes;
  }

  /**
   * Delivers the message; the seq of its stored chat part (0 when nothing went to the chat conversation). Its pushes
   * carry the operationID of the request being served ({@link OperationIds}).
   */
  public Mono<Long> deliver(MsgData message) {
    return Mono.deferContextual(context -> {
      String operationID = OperationIds.of(context);
      boolean notification = MessageOptions.isNotification(message);
      MsgData original = message;
      List<Mono<Long>> stored = new ArrayList<>();
      if (notification && MessageOptions.flag(message, MessageOptions.IS_SEND_MSG)) {
        MsgData chatCopy = message.toBuilder()
            .clearOptions()
            .putOptions(MessageOptions.OFFLINE_PUSH, MessageOptions.flag(message, MessageOptions.OFFLINE_PUSH))
            .putOptions(MessageOptions.UNREAD_COUNT, MessageOptions.flag(message, MessageOptions.UNREAD_COUNT))
            .build();
        stored.add(log.append(ConversationIds.chat(chatCopy), chatCopy, operationID));
        original = message.toBuilder()
            .putOptions(MessageOptions.OFFLINE_PUSH, false)
            .putOptions(MessageOptions.UNREAD_COUNT, false)
            .build();
      }
      String conversationID = ConversationIds.of(original, notification);
      if (MessageOptions.isStored(original)) {
        Mono<Long> part = log.append(conversationID, original, operationID);
        stored.add(notification ? part.thenReturn(0L) : part);
      } else {
        pushes.dispatch(conversationID, original.toBuilder().setSeq(0).setStatus(STATUS_SUCCESS).build(), operationID);
      }
      return Flux.concat(stored).reduce(0L, Math::max);
    });
  }
}
