package io.imflux.api;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.imflux.api.json.Decoded;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A decoded request body with its caller. Whitelisted routes have no caller. */
public record ApiRequest<T extends Message>(Decoded<T> decoded, @Nullable Operator caller) {

  /**
   * A request that arrived as protobuf bytes (the WebSocket gateway) rather than JSON: protobuf cannot tell an empty
   * list or a zero from a missing one, so a field counts as present when it is set.
   */
  public static <T extends Message> ApiRequest<T> fromProtobuf(T body, Operator operator) {
    Set<String> present = new HashSet<>();
    for (FieldDescriptor field : body.getAllFields().keySet()) {
      present.add(field.getName());
    }
    return new ApiRequest<>(new Decoded<>(body, present), operator);
  }

  public T body() {
    return decoded.message();
  }

  /** Whether a top-level field was present and not null (a missing list differs from an empty one). */
  public boolean has(String field) {
    return decoded.has(field);
  }

  public Operator operator() {
    if (caller == null) {
      throw new IllegalStateException("route is whitelisted: it has no operator");
    }
    return caller;
  }
}
