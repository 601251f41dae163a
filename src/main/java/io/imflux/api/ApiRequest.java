package io.imflux.api;

import com.google.protobuf.Message;
import io.imflux.api.json.Decoded;
import org.jspecify.annotations.Nullable;

/** A decoded request body with its caller. Whitelisted routes have no caller. */
public record ApiRequest<T extends Message>(Decoded<T> decoded, @Nullable Operator caller) {

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
