package io.imflux.msg.read;

import com.google.protobuf.ByteString;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.msg.MessageReader;
import io.imflux.proto.sdkws.MsgData;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Rewrites quote messages as they are read (spec/pipeline.md §9.4): a quote of a message that has since been revoked
 * or erased shows it as revoked, and an {@code e30=} quoted content becomes {@code {}}. The quoted messages of one
 * read are looked up together; the stored messages are not changed.
 */
@Component
class QuoteRewriter {

  static final int CONTENT_QUOTE = 114;

  private final MessageStore store;

  QuoteRewriter(MessageStore store) {
    this.store = store;
  }

  /** The messages with their quotes rewritten where needed, in the same order. */
  Mono<List<MsgData>> rewrite(String userID, String conversationID, List<MsgData> messages) {
    Map<Integer, Quote> quotes = new LinkedHashMap<>();
    for (int i = 0; i < messages.size(); i++) {
      MsgData msg = messages.get(i);
      if (msg.getContentType() == CONTENT_QUOTE && !msg.getContent().isEmpty()) {
        int index = i;
        Quote.parse(msg.getContent()).ifPresent(quote -> quotes.put(index, quote));
      }
    }
    if (quotes.isEmpty()) {
      return Mono.just(messages);
    }
    Set<Long> quotedSeqs = quotes.values().stream()
        .filter(Quote::quotesStoredMessage)
        .map(quote -> quote.quoted().getSeq())
        .collect(Collectors.toSet());
    Mono<Map<Long, StoredMessage>> found = quotedSeqs.isEmpty()
        ? Mono.just(Map.of())
        : store.find(conversationID, quotedSeqs).collectMap(StoredMessage::seq);
    return found.map(stored -> {
      List<MsgData> result = new ArrayList<>(messages);
      quotes.forEach((index, quote) -> quote.rewritten(revokedContent(userID, quote, stored)).ifPresent(content ->
          result.set(index, result.get(index).toBuilder()
              .setContent(ByteString.copyFrom(content, StandardCharsets.UTF_8))
              .build())));
      return result;
    });
  }

  /** The quoted message's revoked view content, {@code {}} when it is gone, null when it needs no change. */
  private static @Nullable String revokedContent(String userID, Quote quote,
      Map<Long, StoredMessage> stored) {
    if (!quote.quotesStoredMessage()) {
      return null;
    }
    StoredMessage quoted = stored.get(quote.quoted().getSeq());
    if (quoted == null) {
      return Quote.EMPTY_OBJECT;
    }
    MsgData view = MessageReader.view(userID, quoted);
    return view.getContentType() == MessageReader.CONTENT_REVOKED ? view.getContent().toStringUtf8() : null;
  }
}
