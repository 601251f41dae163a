package io.imflux.conversation;

import io.imflux.cluster.SeqAllocator;
import io.imflux.msg.MessageReader;
import io.imflux.proto.conversation.Conversation;
import io.imflux.proto.sdkws.MsgData;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where each of a user's conversations stands for them: its max seq, their read seq and the newest message they can
 * see. What conversation lists with unread counts are made of (the sorted list, the {@code /jssdk/*} routes).
 */
@Component
public class ChatStates {

  private static final int CONCURRENCY = 16;

  /**
   * One conversation of a user.
   *
   * @param maxSeq  the conversation's max seq (not capped by the user's maxSeq, as the reference counts unread)
   * @param readSeq the user's read seq
   * @param latest  the newest message the user can see (server content types), null when there is none
   */
  public record ChatState(Conversation conversation, long createTime, long maxSeq, long readSeq,
      @Nullable MsgData latest) {

    /** Unread messages as the reference counts them: max seq minus read seq, unclamped. */
    public long unread() {
      return maxSeq - readSeq;
    }
  }

  private final SeqAllocator seqs;
  private final MessageReader messages;

  public ChatStates(SeqAllocator seqs, MessageReader messages) {
    this.seqs = seqs;
    this.messages = messages;
  }

  /** The state of each record, in the order given. */
  public Flux<ChatState> of(String userID, List<ConversationStore.Dated> records) {
    return Flux.fromIterable(records).flatMapSequential(record -> {
      String id = record.conversation().getConversationID();
      return Mono.zip(seqs.conversation(id), seqs.user(userID, id),
              messages.latest(userID, id).map(Optional::of).defaultIfEmpty(Optional.empty()))
          .map(found -> new ChatState(record.conversation(), record.createTime(), found.getT1().maxSeq(),
              found.getT2().readSeq(), found.getT3().orElse(null)));
    }, CONCURRENCY);
  }
}
