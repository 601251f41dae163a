package io.imflux.msg.read;

import io.imflux.api.ApiRequest;
import io.imflux.api.ImError;
import io.imflux.proto.msg.MarkConversationAsReadReq;
import io.imflux.proto.msg.MarkMsgsAsReadReq;
import io.imflux.proto.msg.SetConversationHasReadSeqReq;
import java.util.List;

/** The Check rules of the read-state requests (spec/api-msg.md §8), in the reference's order; 1001 on failure. */
final class ReadChecks {

  private ReadChecks() {}

  /** A missing or empty {@code seqs} fails: the last seq becomes the read seq (§16 Q6). */
  static void markMsgsAsRead(ApiRequest<MarkMsgsAsReadReq> request) {
    MarkMsgsAsReadReq req = request.body();
    requireConversation(req.getConversationID());
    if (!request.has("seqs")) {
      throw ImError.args("seqs is empty");
    }
    requireUser(req.getUserID());
    requireNoZero(req.getSeqsList());
    if (req.getSeqsCount() == 0) {
      throw ImError.args("seqs must not be empty");
    }
  }

  static void markConversationAsRead(MarkConversationAsReadReq req) {
    requireConversation(req.getConversationID());
    requireUser(req.getUserID());
    requireHasReadSeq(req.getHasReadSeq());
    requireNoZero(req.getSeqsList());
  }

  static void setHasReadSeq(SetConversationHasReadSeqReq req) {
    requireConversation(req.getConversationID());
    requireUser(req.getUserID());
    requireHasReadSeq(req.getHasReadSeq());
  }

  private static void requireConversation(String conversationID) {
    if (conversationID.isEmpty()) {
      throw ImError.args("conversationID is empty");
    }
  }

  private static void requireUser(String userID) {
    if (userID.isEmpty()) {
      throw ImError.args("userID is empty");
    }
  }

  private static void requireHasReadSeq(long hasReadSeq) {
    if (hasReadSeq < 1) {
      throw ImError.args("hasReadSeq is invalid");
    }
  }

  private static void requireNoZero(List<Long> seqs) {
    if (seqs.contains(0L)) {
      throw ImError.args("seqs has 0 value is invalid");
    }
  }
}
