package io.imflux.msg.send;

import com.google.protobuf.ByteString;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.json.GoJsonWriter;
import io.imflux.proto.sdkws.NotificationElem;
import java.util.List;

/**
 * An admin's message content once checked (spec/api-msg.md §4.1 steps 2-4): the server's content and session
 * types, the bytes stored, and for AtText the mentioned users.
 */
record SendContent(int contentType, int sessionType, ByteString content, List<String> atUserIDs) {

  static final int NOTIFICATION_CHAT = 4;

  SendContent {
    atUserIDs = List.copyOf(atUserIDs);
  }

  /**
   * Validates {@code content} for the content type (server numbers) and serialises the original object with sorted
   * keys, so unknown keys survive; an OA notification is wrapped as {@code {"detail":"<json>"}} and goes to the
   * notification chat.
   */
  static SendContent of(int contentType, int sessionType, Struct content) {
    ContentRules.check(contentType, content);
    String json = GoJsonWriter.write(content);
    if (contentType == ContentTypes.OA_NOTIFICATION) {
      String wrapped = GoJsonWriter.write(NotificationElem.newBuilder().setDetail(json).build());
      return new SendContent(contentType, NOTIFICATION_CHAT, ByteString.copyFromUtf8(wrapped), List.of());
    }
    List<String> atUserIDs = contentType == ContentTypes.AT_TEXT
        ? WeakValues.find(content, "atUserList")
            .flatMap(list -> WeakValues.stringList(list, "atUserList"))
            .orElse(List.of())
        : List.of();
    return new SendContent(contentType, sessionType, ByteString.copyFromUtf8(json), atUserIDs);
  }

  /** The {@code {"content":text}} of a MarkdownText message (§4.4, our decision Q3). */
  static ByteString markdown(String text) {
    return ByteString.copyFromUtf8(GoJsonWriter.write(Struct.newBuilder()
        .putFields("content", Value.newBuilder().setStringValue(text).build())
        .build()));
  }
}
