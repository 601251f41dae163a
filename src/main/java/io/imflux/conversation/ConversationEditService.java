package io.imflux.conversation;

import static io.imflux.conversation.ConversationChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.msg.MessageReader;
import io.imflux.proto.conversation.DeleteConversationsReq;
import io.imflux.proto.conversation.UpdateConversationsByUserReq;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /conversation/delete_conversations} and {@code /conversation/update_conversations_by_user}
 * (spec/api-conversation.md §6.11, §6.12): changes without a notification, logged in the owners' version logs.
 */
@Service
class ConversationEditService {

  /** Conversations whose latest message is looked up at once when deleting by age. */
  private static final int CONCURRENCY = 16;
  private static final long DAY_MILLIS = 86_400_000L;

  private final ConversationStore store;
  private final Conversations conversations;
  private final MessageReader messages;
  private final Clock clock;

  ConversationEditService(ConversationStore store, Conversations conversations, MessageReader messages, Clock clock) {
    this.store = store;
    this.conversations = conversations;
    this.messages = messages;
    this.clock = clock;
  }

  /**
   * §6.11: the listed records, or every record whose latest message is older than {@code needDeleteTime} days
   * (conversations without a message are kept). The permission check comes first, as in the reference.
   */
  Mono<Void> delete(ApiRequest<DeleteConversationsReq> request) {
    return Mono.defer(() -> {
      DeleteConversationsReq body = request.body();
      String owner = body.getOwnerUserID();
      request.operator().requireSelfOrAdmin(owner);
      boolean byAge = body.getNeedDeleteTime() != 0;
      boolean byID = body.getConversationIDsCount() > 0;
      require(byAge || byID, "need_delete_time or conversationIDs need be set");
      require(!(byAge && byID), "need_delete_time and conversationIDs cannot both be set");
      if (byID) {
        return conversations.delete(owner, body.getConversationIDsList());
      }
      long before = daysBefore(clock.millis(), body.getNeedDeleteTime());
      return store.conversationIDs(owner)
          .flatMapMany(Flux::fromIterable)
          .flatMapSequential(id -> messages.latest(owner, id)
              .filter(latest -> latest.getSendTime() < before)
              .map(latest -> id), CONCURRENCY)
          .collectList()
          .flatMap(idle -> idle.isEmpty() ? Mono.empty() : conversations.delete(owner, idle));
    });
  }

  /** {@code days} days before {@code now} (ms); days beyond any date reach the end of the long range. */
  static long daysBefore(long now, long days) {
    try {
      return Math.subtractExact(now, Math.multiplyExact(days, DAY_MILLIS));
    } catch (ArithmeticException outOfRange) {
      return days > 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** §6.12: {@code ex} on every record whose peer is the user (other users' records), when {@code ex} is present. */
  Mono<Void> updateByUser(ApiRequest<UpdateConversationsByUserReq> request) {
    return Mono.defer(() -> {
      UpdateConversationsByUserReq body = request.body();
      request.operator().requireSelfOrAdmin(body.getUserID());
      if (!body.hasEx()) {
        return Mono.empty();
      }
      ConversationPatch patch = ConversationPatch.of(ConversationPatch.EX, body.getEx().getValue());
      return store.findByPeer(body.getUserID())
          .concatMap(record -> conversations.update(List.of(record.getOwnerUserID()), record.getConversationID(),
              patch))
          .then();
    });
  }
}
