package io.imflux.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON text heartbeat (spec/gateway.md §4, §13): {@code {"type":"ping","body":X}} is answered with
 * {@code {"type":"pong","body":X}}, the raw body echoed as Go's encoder writes a {@code json.RawMessage} (compacted,
 * HTML characters escaped); a pong is accepted. Any other text is a protocol error that closes the connection.
 */
final class TextHeartbeat {

  /** A text frame that is not a heartbeat. */
  static final class NotAHeartbeat extends RuntimeException {

    NotAHeartbeat(String message) {
      super(message, null, false, false);
    }
  }

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final String PING = "ping";
  private static final String PONG = "pong";
  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

  private TextHeartbeat() {}

  /** The pong to send for a ping, empty for a pong; {@link NotAHeartbeat} for anything else. */
  static Optional<String> answer(String text) {
    byte[] json = text.getBytes(StandardCharsets.UTF_8);
    String type = "";
    byte[] body = NULL;
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      JsonToken token = parser.nextToken();
      if (token != JsonToken.START_OBJECT) {
        throw new NotAHeartbeat("text frame is not a JSON object");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (name.equalsIgnoreCase("type")) {
          if (value == JsonToken.VALUE_STRING) {
            type = parser.getText();
          } else if (value != JsonToken.VALUE_NULL) {
            throw new NotAHeartbeat("heartbeat type is not a string");
          }
        } else if (name.equalsIgnoreCase("body")) {
          int start = (int) parser.currentTokenLocation().getByteOffset();
          if (value.isScalarValue()) {
            parser.finishToken(); // strings are read lazily: consume it all before taking the end offset
          } else {
            parser.skipChildren();
          }
          int end = (int) parser.currentLocation().getByteOffset();
          body = compact(json, start, end);
        } else {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new NotAHeartbeat("invalid character after top-level value");
      }
    } catch (JacksonException e) {
      throw new NotAHeartbeat("text frame is not JSON: " + e.getOriginalMessage());
    }
    return switch (type) {
      case PING -> Optional.of("{\"type\":\"pong\",\"body\":" + new String(body, StandardCharsets.UTF_8) + "}");
      case PONG -> Optional.empty();
      default -> throw new NotAHeartbeat("not support text message type " + type);
    };
  }

  /** Go's {@code json.Compact} with HTML escaping, as {@code json.Marshal} applies to a raw message. */
  static byte[] compact(byte[] json, int start, int end) {
    StringBuilder out = new StringBuilder(end - start);
    String text = new String(json, start, end - start, StandardCharsets.UTF_8);
    boolean inString = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inString) {
        switch (c) {
          case '\\' -> {
            out.append(c).append(text.charAt(++i));
            continue;
          }
          case '"' -> inString = false;
          case '<', '>', '&', '\u2028', '\u2029' -> {
            out.append(String.format("\\u%04x", (int) c));
            continue;
          }
          default -> { }
        }
        out.append(c);
      } else if (c == '"') {
        inString = true;
        out.append(c);
      } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        out.append(c);
      }
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }
}
