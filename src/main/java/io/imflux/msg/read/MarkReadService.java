package io.imflux.msg.read;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.SeqAllocator;
import io.imflux.conversation.ConversationStore;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.msg.MarkConversationAsReadReq;
import io.imflux.proto.msg.MarkMsgsAsReadReq;
import io.imflux.proto.msg.SetConversationHasReadSeqReq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The routes that move a user's read position (spec/api-msg.md §8.1-§8.3): Check rules, then self/admin, then the
 * read flags and the read seq, then the HasReadReceipt. The read seq only ever rises here.
 */
@Service
class MarkReadService {

  private final ConversationStore conversations;
  private final SeqAllocator seqs;
  private final MessageStore messages;
  private final ReadReceipts receipts;

  MarkReadService(ConversationStore conversations, SeqAllocator seqs, MessageStore messages, ReadReceipts receipts) {
    this.conversations = conversations;
    this.seqs = seqs;
    this.messages = messages;
    this.receipts = receipts;
  }

  /** The listed messages become read and the last listed seq the read seq; the peer or group is told. */
  Mono<Void> markMsgsAsRead(ApiRequest<MarkMsgsAsReadReq> request) {
    return Mono.defer(() -> {
      ReadChecks.markMsgsAsRead(request);
      MarkMsgsAsReadReq req = request.body();
      request.operator().requireSelfOrAdmin(req.getUserID());
      String userID = req.getUserID();
      String conversationID = req.getConversationID();
      long hasReadSeq = req.getSeqs(req.getSeqsCount() - 1);
      return requireAtMostMaxSeq(conversationID, hasReadSeq)
          .then(conversation(userID, conversationID))
          .flatMap(conversation -> messages.markRead(conversationID, userID, req.getSeqsList())
              .then(seqs.raiseReadSeq(userID, conversationID, hasReadSeq))
              .then(receipts.toConversation(conversation, userID, req.getSeqsList(), hasReadSeq)));
    });
  }

  /**
   * Single chat: the unread messages up to {@code hasReadSeq} (and any listed) become read, and the peer is told.
   * Group and notification chats: only the read seq moves, and the user's other devices are told.
   */
  Mono<Void> markConversationAsRead(ApiRequest<MarkConversationAsReadReq> request) {
    return Mono.defer(() -> {
      MarkConversationAsReadReq req = request.body();
      ReadChecks.markConversationAsRead(req);
      request.operator().requireSelfOrAdmin(req.getUserID());
      String userID = req.getUserID();
      String conversationID = req.getConversationID();
      return conversation(userID, conversationID).flatMap(conversation -> {
        if (conversation.getConversationType() != ConversationIds.SINGLE_CHAT) {
          return seqs.raiseReadSeq(userID, conversationID, req.getHasReadSeq())
              .flatMap(readSeq -> receipts.toSelf(userID, conversationID, List.of(), readSeq));
        }
        return Mono.zip(seqs.user(userID, conversationID), seqs.conversation(conversationID)).flatMap(both -> {
          long upTo = Math.min(req.getHasReadSeq(), both.getT2().maxSeq());
          List<Long> marked = seqsToMark(both.getT1().readSeq(), upTo, req.getSeqsList());
          Mono<Void> mark = marked.isEmpty() ? Mono.empty() : messages.markRead(conversationID, userID, marked);
          return mark.then(seqs.raiseReadSeq(userID, conversationID, req.getHasReadSeq()))
              .flatMap(readSeq -> receipts.toConversation(conversation, userID, marked, readSeq));
        });
      });
    });
  }

  /** Raises the read seq (never above the max seq); the user's devices are told unless {@code noNotification} (Q8). */
  Mono<Void> setHasReadSeq(ApiRequest<SetConversationHasReadSeqReq> request) {
    return Mono.defer(() -> {
      SetConversationHasReadSeqReq req = request.body();
      ReadChecks.setHasReadSeq(req);
      request.operator().requireSelfOrAdmin(req.getUserID());
      String userID = req.getUserID();
      String conversationID = req.getConversationID();
      Mono<Void> receipt = req.getNoNotification()
          ? Mono.empty()
          : receipts.toSelf(userID, conversationID, List.of(), req.getHasReadSeq());
      return requireAtMostMaxSeq(conversationID, req.getHasReadSeq())
          .then(seqs.raiseReadSeq(userID, conversationID, req.getHasReadSeq()))
          .then(receipt);
    });
  }

  /**
   * The seqs a single-chat mark makes read: every seq after the read seq up to {@code upTo} (never beyond the max seq,
   * where no message can be), then the listed seqs not among them, in the order given.
   */
  static List<Long> seqsToMark(long readSeq, long upTo, List<Long> listed) {
    Set<Long> marked = new LinkedHashSet<>();
    for (long seq = readSeq + 1; seq <= upTo; seq++) {
      marked.add(seq);
    }
    marked.addAll(listed);
    return new ArrayList<>(marked);
  }

  private Mono<Void> requireAtMostMaxSeq(String conversationID, long hasReadSeq) {
    return seqs.conversation(conversationID).flatMap(conversation -> hasReadSeq > conversation.maxSeq()
        ? Mono.error(ImError.args("hasReadSeq must not be bigger than maxSeq"))
        : Mono.empty());
  }

  private Mono<Conversation> conversation(String userID, String conversationID) {
    return conversations.find(userID, conversationID).switchIfEmpty(Mono.error(() ->
        new ImError(ErrorKind.RECORD_NOT_FOUND, "conversation " + conversationID + " not found for " + userID)));
  }
}
