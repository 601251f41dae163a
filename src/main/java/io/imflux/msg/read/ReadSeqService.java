package io.imflux.msg.read;

import io.imflux.api.ApiRequest;
import io.imflux.api.ImError;
import io.imflux.cluster.SeqAllocator;
import io.imflux.conversation.ConversationStore;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.msg.GetConversationsHasReadAndMaxSeqReq;
import io.imflux.proto.msg.GetConversationsHasReadAndMaxSeqResp;
import io.imflux.proto.msg.Seqs;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/get_conversations_has_read_and_max_seq} (spec/api-msg.md §8.4, WebSocket 1006): per conversation its
 * max seq (the user's cap when set), the user's read seq and the time of the last seq allocation.
 */
@Service
public class ReadSeqService {

  private static final int CONCURRENCY = 16;

  private final ConversationStore conversations;
  private final SeqAllocator seqs;

  ReadSeqService(ConversationStore conversations, SeqAllocator seqs) {
    this.conversations = conversations;
    this.seqs = seqs;
  }

  /** One entry per requested conversation (all of the user's when none are named), including empty ones. */
  public Mono<GetConversationsHasReadAndMaxSeqResp> hasReadAndMaxSeqs(
      ApiRequest<GetConversationsHasReadAndMaxSeqReq> request) {
    return Mono.defer(() -> {
      GetConversationsHasReadAndMaxSeqReq req = request.body();
      String userID = req.getUserID();
      if (userID.isEmpty()) {
        throw ImError.args("userID is empty");
      }
      request.operator().requireSelfOrAdmin(userID);
      Mono<List<String>> requested = req.getConversationIDsCount() == 0
          ? conversations.conversationIDs(userID)
          : Mono.just(req.getConversationIDsList());
      Mono<List<String>> pinned = req.getReturnPinned() ? pinnedConversationIDs(userID) : Mono.just(List.of());
      return requested
          .flatMapMany(ids -> Flux.fromIterable(new LinkedHashSet<>(ids)))
          .flatMapSequential(id -> seqsOf(userID, id).map(found -> Map.entry(id, found)), CONCURRENCY)
          .collect(GetConversationsHasReadAndMaxSeqResp::newBuilder,
              (resp, entry) -> resp.putSeqs(entry.getKey(), entry.getValue()))
          .zipWith(pinned, (resp, ids) -> resp.addAllPinnedConversationIDs(ids).build());
    });
  }

  private Mono<Seqs> seqsOf(String userID, String conversationID) {
    return Mono.zip(seqs.conversation(conversationID), seqs.user(userID, conversationID)).map(both -> {
      long cap = both.getT2().maxSeq();
      return Seqs.newBuilder()
          .setMaxSeq(cap != 0 ? cap : both.getT1().maxSeq())
          .setHasReadSeq(both.getT2().readSeq())
          .setMaxSeqTime(both.getT1().maxSeqTime())
          .build();
    });
  }

  /** Every pinned conversation of the user, in the order the user's conversations were created. */
  private Mono<List<String>> pinnedConversationIDs(String userID) {
    return conversations.conversationIDs(userID).flatMap(ids -> conversations.findAll(userID, ids)
        .filter(Conversation::getIsPinned)
        .map(Conversation::getConversationID)
        .collect(Collectors.toSet())
        .map(pinned -> ids.stream().filter(pinned::contains).toList()));
  }
}
