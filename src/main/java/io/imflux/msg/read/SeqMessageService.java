package io.imflux.msg.read;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.msg.ConversationIds;
import io.imflux.msg.MessageReader;
import io.imflux.proto.msg.ConversationSeqs;
import io.imflux.proto.msg.GetSeqMessageReq;
import io.imflux.proto.msg.GetSeqMessageResp;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.PullMsgs;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * WebSocket 1005, the explicit-seq pull the SDK uses for history (spec/gateway.md §11, spec/pipeline.md §9.3): the
 * requested seqs inside the user's window in request order, and {@code isEnd}/{@code endSeq} when a requested seq
 * lies beyond the window's edge in the direction of the pull. Unlike the range pull every conversation gets an entry.
 */
@Service
public class SeqMessageService {

  static final int ORDER_ASC = 0;
  static final int ORDER_DESC = 1;

  private final MessageReader reader;
  private final QuoteRewriter quotes;
  private final Dialect dialect;

  SeqMessageService(MessageReader reader, QuoteRewriter quotes, Dialect dialect) {
    this.reader = reader;
    this.quotes = quotes;
    this.dialect = dialect;
  }

  /**
   * The reference checks no access here (quirk); imflux requires the caller to be {@code userID} or an admin
   * (spec/gateway.md §20 Q5). A storage error fails the whole request.
   */
  public Mono<GetSeqMessageResp> pull(ApiRequest<GetSeqMessageReq> request) {
    return Mono.defer(() -> {
      GetSeqMessageReq req = request.body();
      request.operator().requireSelfOrAdmin(req.getUserID());
      return Flux.fromIterable(req.getConversationsList())
          .concatMap(conversation -> pullOne(req.getUserID(), conversation, req.getOrderValue()))
          .collect(GetSeqMessageResp::newBuilder, SeqMessageService::add)
          .map(GetSeqMessageResp.Builder::build);
    });
  }

  private record Pulled(String conversationID, List<MsgData> msgs, boolean isEnd, long endSeq) {}

  private Mono<Pulled> pullOne(String userID, ConversationSeqs conversation, int order) {
    String conversationID = conversation.getConversationID();
    return reader.window(userID, conversationID).flatMap(window -> {
      List<Long> inside = new ArrayList<>(conversation.getSeqsCount());
      boolean isEnd = false;
      long endSeq = 0;
      for (long seq : conversation.getSeqsList()) {
        if (seq <= 0) {
          continue;
        }
        if (window.contains(seq)) {
          inside.add(seq);
        } else if (seq < window.lower() && order == ORDER_DESC) {
          isEnd = true;
          endSeq = window.lower();
        } else if (seq > window.upper() && order == ORDER_ASC) {
          isEnd = true;
          endSeq = window.upper();
        }
      }
      boolean end = isEnd;
      long edge = endSeq;
      return read(userID, conversationID, inside).map(msgs -> new Pulled(conversationID, msgs, end, edge));
    });
  }

  private Mono<List<MsgData>> read(String userID, String conversationID, List<Long> seqs) {
    return reader.read(userID, conversationID, seqs)
        .collectList()
        .flatMap(msgs -> quotes.rewrite(userID, conversationID, msgs))
        .map(msgs -> msgs.stream().map(dialect::toClient).toList());
  }

  /** A conversation named twice accumulates its messages; the last one's end marks win, as in the reference. */
  private static void add(GetSeqMessageResp.Builder resp, Pulled pulled) {
    boolean notification = ConversationIds.isNotification(pulled.conversationID());
    PullMsgs existing = notification
        ? resp.getNotificationMsgsOrDefault(pulled.conversationID(), null)
        : resp.getMsgsOrDefault(pulled.conversationID(), null);
    PullMsgs.Builder entry = existing == null ? PullMsgs.newBuilder() : existing.toBuilder();
    PullMsgs merged = entry.addAllMsgs(pulled.msgs()).setIsEnd(pulled.isEnd()).setEndSeq(pulled.endSeq()).build();
    if (notification) {
      resp.putNotificationMsgs(pulled.conversationID(), merged);
    } else {
      resp.putMsgs(pulled.conversationID(), merged);
    }
  }
}
