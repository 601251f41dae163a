package io.imflux.msg.read;

import com.google.protobuf.ByteString;
import io.imflux.api.ImError;
import io.imflux.api.json.GoJsonReader;
import io.imflux.api.json.GoJsonWriter;
import io.imflux.msg.MessageReader;
import io.imflux.proto.quote.QuoteContent;
import io.imflux.proto.quote.QuotedMessage;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The content of a quote message (contentType 114) as the reference decodes it on read (spec/pipeline.md §9.4): with
 * Go's JSON rules into {@code text}, {@code quoteMessage} and a raw {@code messageEntityList}; a content that does
 * not decode that way is never rewritten.
 */
record Quote(QuoteContent content, @Nullable JsonNode messageEntityList) {

  /** The base64 of {@code {}}, which older servers wrote for a quote of a message that was gone. */
  static final String EMPTY_OBJECT_BASE64 = "e30=";
  static final String EMPTY_OBJECT = "{}";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The quote in a message's content; empty when the content is not such JSON or quotes nothing. */
  static Optional<Quote> parse(ByteString messageContent) {
    byte[] bytes = messageContent.toByteArray();
    try {
      QuoteContent content = GoJsonReader.read(bytes, QuoteContent.getDefaultInstance()).message();
      if (!content.hasQuoteMessage()) {
        return Optional.empty();
      }
      return Optional.of(new Quote(content, lastMember(JSON.readTree(bytes), "messageEntityList")));
    } catch (ImError | JacksonException notAQuote) {
      return Optional.empty();
    }
  }

  QuotedMessage quoted() {
    return content.getQuoteMessage();
  }

  /** Whether the quoted message must be looked up: it has a seq and is not shown as revoked already. */
  boolean quotesStoredMessage() {
    return quoted().getSeq() > 0 && quoted().getContentType() != MessageReader.CONTENT_REVOKED;
  }

  /**
   * The rewritten content, or empty when nothing needs rewriting.
   *
   * @param revokedContent the quoted message's revoked view content when it is revoked now, {@code {}} when it is
   *                       gone, null when it is still there as it was (or was not looked up)
   */
  Optional<String> rewritten(@Nullable String revokedContent) {
    QuotedMessage.Builder quoted = quoted().toBuilder();
    boolean changed = false;
    if (EMPTY_OBJECT_BASE64.equals(quoted.getContent())) {
      quoted.setContent(EMPTY_OBJECT);
      changed = true;
    }
    if (revokedContent != null) {
      quoted.setContentType(MessageReader.CONTENT_REVOKED).setContent(revokedContent);
      changed = true;
    }
    return changed ? Optional.of(write(quoted.build())) : Optional.empty();
  }

  /** Go's {@code json.Marshal} of the reference's struct: {@code text} and the entity list only when present. */
  private String write(QuotedMessage quoted) {
    StringBuilder out = new StringBuilder(256).append('{');
    if (!content.getText().isEmpty()) {
      out.append("\"text\":");
      GoJsonWriter.writeString(content.getText(), out);
      out.append(',');
    }
    out.append("\"quoteMessage\":");
    GoJsonWriter.writeMessage(quoted, out);
    if (messageEntityList != null) {
      out.append(",\"messageEntityList\":");
      writeRaw(messageEntityList, out);
    }
    return out.append('}').toString();
  }

  /** A raw JSON value, compacted, with strings escaped as Go escapes them. */
  private static void writeRaw(JsonNode node, StringBuilder out) {
    if (node.isObject()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, JsonNode> member : node.properties()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        GoJsonWriter.writeString(member.getKey(), out);
        out.append(':');
        writeRaw(member.getValue(), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        writeRaw(node.get(i), out);
      }
      out.append(']');
    } else if (node.isString()) {
      GoJsonWriter.writeString(node.asString(), out);
    } else {
      out.append(node);
    }
  }

  /** Go matches keys case-insensitively and the last matching key wins. */
  private static @Nullable JsonNode lastMember(JsonNode object, String name) {
    JsonNode found = null;
    for (Map.Entry<String, JsonNode> member : object.properties()) {
      if (member.getKey().equalsIgnoreCase(name)) {
        found = member.getValue();
      }
    }
    return found;
  }
}
