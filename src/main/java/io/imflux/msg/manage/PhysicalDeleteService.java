package io.imflux.msg.manage;

import io.imflux.api.ApiRequest;
import io.imflux.api.ImError;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.SeqAllocator;
import io.imflux.proto.msg.DeleteMsgPhysicalBySeqReq;
import io.imflux.proto.msg.DeleteMsgPhysicalReq;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The admin's erases for everyone (spec/api-msg.md §9.4, §9.5): by seq, and by age. No notification: clients find
 * placeholders, or seqs below the raised min seq, when they next pull.
 */
@Service
class PhysicalDeleteService {

  private final MessageStore store;
  private final SeqAllocator seqs;
  private final Clock clock;

  PhysicalDeleteService(MessageStore store, SeqAllocator seqs, Clock clock) {
    this.store = store;
    this.seqs = seqs;
    this.clock = clock;
  }

  /** The reference's request has no Check rules: an empty conversation ID or seq list erases nothing. */
  Mono<Void> deleteBySeq(ApiRequest<DeleteMsgPhysicalBySeqReq> request) {
    return Mono.defer(() -> {
      request.operator().requireAdmin();
      DeleteMsgPhysicalBySeqReq req = request.body();
      List<Long> erased = req.getSeqsList().stream().distinct().toList();
      return erased.isEmpty() || req.getConversationID().isEmpty()
          ? Mono.empty()
          : store.erase(req.getConversationID(), erased);
    });
  }

  /**
   * Erases what was sent more than {@code timestamp} seconds ago in the listed conversations ({@code []} = all), and
   * raises each touched conversation's min seq past its highest erased seq (our decision Q7). A negative age would
   * reach into the future and erase everything, so it is refused (our decision).
   */
  Mono<Void> deleteByAge(ApiRequest<DeleteMsgPhysicalReq> request) {
    return Mono.defer(() -> {
      DeleteMsgPhysicalReq req = request.body();
      ManageChecks.requireList(request.has("conversationIDs"), "conversationIDs");
      if (req.getTimestamp() < 0) {
        throw ImError.args("timestamp is invalid");
      }
      request.operator().requireAdmin();
      long ageMillis = req.getTimestamp() > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : req.getTimestamp() * 1000;
      long sentBefore = clock.millis() - ageMillis;
      return store.eraseSentBefore(req.getConversationIDsList().stream().distinct().toList(), sentBefore)
          .flatMapMany(highest -> Flux.fromIterable(highest.entrySet()))
          .concatMap(erased -> seqs.raiseMinSeq(erased.getKey(), erased.getValue() + 1))
          .then();
    });
  }
}
