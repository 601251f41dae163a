package io.imflux.msg.send;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ImError;
import io.imflux.api.json.GoJsonReader;
import java.util.Base64;
import java.util.Optional;

/**
 * The {@code key} query parameter of {@code /msg/send_simple_msg} (spec/api-msg.md §4.4): standard padded base64 of
 * {@code {"sendID","recvID","groupID"}} of the message a webhook reported, which the reply goes back along.
 */
record SimpleMsgKey(String sendID, String recvID, String groupID) {

  /** Decodes the parameter; missing, not base64, or not a JSON object with string IDs is 1001. */
  static SimpleMsgKey parse(Optional<String> key) {
    String encoded = key.orElseThrow(() -> ImError.args("missing key in query"));
    // Go's base64.StdEncoding: padding required (the JDK decoder would accept it missing), line breaks ignored.
    String compact = encoded.replace("\r", "").replace("\n", "");
    byte[] json;
    try {
      if (compact.length() % 4 != 0) {
        throw new IllegalArgumentException("missing padding");
      }
      json = Base64.getDecoder().decode(compact);
    } catch (IllegalArgumentException e) {
      throw ImError.args("illegal base64 data in key: " + e.getMessage());
    }
    // Keys match as Go's decoder matches them: exactly, else ignoring case; unknown keys are ignored.
    Struct data = GoJsonReader.read(json, Struct.getDefaultInstance()).message();
    return new SimpleMsgKey(id(data, "sendID"), id(data, "recvID"), id(data, "groupID"));
  }

  private static String id(Struct data, String key) {
    Value value = WeakValues.find(data, key).orElse(Value.getDefaultInstance());
    return switch (value.getKindCase()) {
      case STRING_VALUE -> value.getStringValue();
      case NULL_VALUE, KIND_NOT_SET -> "";
      default -> throw ImError.args("json: cannot unmarshal " + value.getKindCase() + " into key field " + key
          + " of type string");
    };
  }

  boolean isGroup() {
    return !groupID.isEmpty();
  }
}
