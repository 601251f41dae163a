package io.imflux.msg.read;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.cluster.SeqAllocator;
import io.imflux.conversation.ConversationStore;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.GetMaxSeqResp;
import io.imflux.proto.sdkws.PullMessageBySeqsReq;
import io.imflux.proto.sdkws.PullMessageBySeqsResp;
import io.imflux.proto.sdkws.PullMsgs;
import io.imflux.proto.sdkws.SeqRange;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/newest_seq} and {@code /msg/pull_msg_by_seq} (spec/api-msg.md §5.1, §5.2; the same operations as
 * WebSocket 1001 and 1002): a user's max seqs, and ranges of messages as that user sees them.
 */
@Service
public class SeqPullService {

  /** Conversations looked up at once; results keep the request's order. */
  private static final int CONCURRENCY = 16;

  private final ConversationStore conversations;
  private final SeqAllocator seqs;
  private final MessageReader reader;
  private final QuoteRewriter quotes;
  private final Dialect dialect;

  SeqPullService(ConversationStore conversations, SeqAllocator seqs, MessageReader reader, QuoteRewriter quotes,
      Dialect dialect) {
    this.conversations = conversations;
    this.seqs = seqs;
    this.reader = reader;
    this.quotes = quotes;
    this.dialect = dialect;
  }

  /** The user's conversations, their {@code n_} twins and {@code n_<u>_<u>}, by max seq; zeros left out. */
  public Mono<GetMaxSeqResp> newestSeqs(ApiRequest<GetMaxSeqReq> request) {
    return Mono.defer(() -> {
      String userID = request.body().getUserID();
      request.operator().requireSelfOrAdmin(userID);
      return conversations.conversationIDs(userID)
          .flatMapMany(ids -> Flux.fromIterable(withNotificationTwins(userID, ids)))
          .flatMapSequential(id -> seqs.conversation(id).map(seq -> Map.entry(id, seq.maxSeq())), CONCURRENCY)
          .filter(entry -> entry.getValue() != 0)
          .collect(GetMaxSeqResp::newBuilder, (resp, entry) -> resp.putMaxSeqs(entry.getKey(), entry.getValue()))
          .map(GetMaxSeqResp.Builder::build);
    });
  }

  /** Each range read as §5.2 says; a conversation with nothing to return is left out. */
  public Mono<PullMessageBySeqsResp> pull(ApiRequest<PullMessageBySeqsReq> request) {
    return Mono.defer(() -> {
      PullMessageBySeqsReq req = request.body();
      request.operator().requireSelfOrAdmin(req.getUserID());
      return Flux.fromIterable(req.getSeqRangesList())
          .flatMapSequential(range -> pullRange(req.getUserID(), range, req.getOrderValue()), CONCURRENCY)
          .collect(PullMessageBySeqsResp::newBuilder, (resp, pulled) -> {
            if (pulled.notification()) {
              resp.putNotificationMsgs(pulled.conversationID(), pulled.msgs());
            } else {
              resp.putMsgs(pulled.conversationID(), pulled.msgs());
            }
          })
          .map(PullMessageBySeqsResp.Builder::build);
    });
  }

  private record Pulled(String conversationID, boolean notification, PullMsgs msgs) {}

  private Mono<Pulled> pullRange(String userID, SeqRange range, int order) {
    String conversationID = range.getConversationID();
    boolean notification = ConversationIds.isNotification(conversationID);
    Mono<Boolean> readable = notification
        ? Mono.just(true)
        : conversations.find(userID, conversationID).hasElement();
    return readable
        .filter(Boolean::booleanValue)
        .flatMap(yes -> reader.window(userID, conversationID))
        .map(window -> notification
            ? RangePlan.notification(range, window, order)
            : RangePlan.chat(range, window, order))
        .filter(plan -> !plan.seqs().isEmpty())
        .flatMap(plan -> reader.read(userID, conversationID, plan.seqs())
            .collectList()
            .flatMap(msgs -> quotes.rewrite(userID, conversationID, msgs))
            .map(msgs -> new Pulled(conversationID, notification, PullMsgs.newBuilder()
                .addAllMsgs(msgs.stream().map(dialect::toClient).toList())
                .setIsEnd(plan.isEnd())
                .build())));
  }

  private static Set<String> withNotificationTwins(String userID, List<String> conversationIDs) {
    Set<String> ids = new LinkedHashSet<>();
    for (String id : conversationIDs) {
      ids.add(id);
      ids.add(ConversationIds.notificationTwin(id));
    }
    ids.add(ConversationIds.self(userID));
    return ids;
  }
}
