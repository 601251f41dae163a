package io.imflux.msg.read;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.msg.MessageReader;
import io.imflux.proto.msg.GetLastMessageReq;
import io.imflux.proto.msg.GetLastMessageResp;
import io.imflux.proto.sdkws.MsgData;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * WebSocket 1007, what the SDK asks on a first login when everything it pulled of a conversation was deleted
 * (spec/gateway.md §11, §18.2): per conversation the stored message with the highest seq whose status is below 4,
 * as this user sees it (deleted for them, revoked, quote rewritten). Conversations without one are left out.
 */
@Service
public class LastMessageService {

  private static final int CONCURRENCY = 16;

  private final MessageStore store;
  private final QuoteRewriter quotes;
  private final Dialect dialect;

  LastMessageService(MessageStore store, QuoteRewriter quotes, Dialect dialect) {
    this.store = store;
    this.quotes = quotes;
    this.dialect = dialect;
  }

  /** The reference checks no access here (quirk); imflux requires {@code userID} or an admin (§20 Q5). */
  public Mono<GetLastMessageResp> lastMessages(ApiRequest<GetLastMessageReq> request) {
    return Mono.defer(() -> {
      String userID = request.body().getUserID();
      request.operator().requireSelfOrAdmin(userID);
      return Flux.fromIterable(new LinkedHashSet<>(request.body().getConversationIDsList()))
          .flatMapSequential(id -> last(userID, id).map(msg -> Map.entry(id, msg)), CONCURRENCY)
          .collect(GetLastMessageResp::newBuilder, (resp, entry) -> resp.putMsgs(entry.getKey(), entry.getValue()))
          .map(GetLastMessageResp.Builder::build);
    });
  }

  private Mono<MsgData> last(String userID, String conversationID) {
    return latestNotDeleted(conversationID, Long.MAX_VALUE)
        .flatMap(stored -> quotes.rewrite(userID, conversationID, List.of(MessageReader.view(userID, stored))))
        .map(views -> dialect.toClient(views.get(0)));
  }

  private Mono<StoredMessage> latestNotDeleted(String conversationID, long atMost) {
    return store.findLatest(conversationID, atMost).flatMap(stored -> stored.msg().getStatus() < MessageReader.STATUS_DELETED
        ? Mono.just(stored)
        : latestNotDeleted(conversationID, stored.seq() - 1));
  }
}
