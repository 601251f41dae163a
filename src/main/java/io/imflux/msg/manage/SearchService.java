package io.imflux.msg.manage;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.api.ImError;
import io.imflux.api.Paging;
import io.imflux.cluster.MessageStore;
import io.imflux.cluster.MessageStore.SearchQuery;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.proto.msg.SearchMessageReq;
import io.imflux.proto.msg.SearchMessageResp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code /msg/search_msg} (spec/api-msg.md §6): the stored chat messages matching the filters, oldest first, for
 * app admins only (our decision Q2). {@code chatLogsNum} is the exact number of matches, which the store can count,
 * where the reference reports a lower bound.
 */
@Service
class SearchService {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("uuuu-MM-dd")
      .withResolverStyle(ResolverStyle.STRICT);
  private static final long DAY_MILLIS = 86_400_000L;

  private final MessageStore store;
  private final ChatLogs chatLogs;
  private final Dialect dialect;

  SearchService(MessageStore store, ChatLogs chatLogs, Dialect dialect) {
    this.store = store;
    this.chatLogs = chatLogs;
    this.dialect = dialect;
  }

  Mono<SearchMessageResp> search(ApiRequest<SearchMessageReq> request) {
    return Mono.defer(() -> {
      SearchMessageReq req = request.body();
      long from = dayStart(req.getSendTime());
      request.operator().requireAdmin();
      // Filters arrive in the client's numbers; messages are stored in the server's (spec/dialects.md §3, §4).
      long to = req.getSendTime().isEmpty() ? 0 : from + DAY_MILLIS;
      SearchQuery query = new SearchQuery(req.getSendID(), req.getRecvID(),
          dialect.contentTypeFromClient(req.getContentType()), dialect.sessionTypeFromClient(req.getSessionType()),
          from, to);
      Paging paging = Paging.of(req.getPagination());
      Mono<List<StoredMessage>> page = paging.isEmpty()
          ? Mono.just(List.of())
          : store.search(query, paging.skip(), paging.limit()).collectList();
      return Mono.zip(page.flatMap(chatLogs::of), store.count(query)).map(both -> SearchMessageResp.newBuilder()
          .addAllChatLogs(both.getT1())
          .setChatLogsNum((int) Math.min(Integer.MAX_VALUE, both.getT2()))
          .build());
    });
  }

  /** The first millisecond of a {@code YYYY-MM-DD} day in UTC; 0 (any time) for an empty filter. */
  private static long dayStart(String sendTime) {
    if (sendTime.isEmpty()) {
      return 0;
    }
    try {
      return LocalDate.parse(sendTime, DAY).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw ImError.args("invalid sendTime");
    }
  }
}
