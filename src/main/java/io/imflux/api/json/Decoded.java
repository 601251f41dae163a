package io.imflux.api.json;

import com.google.protobuf.Message;
import java.util.Set;

/**
 * A decoded request body and which of its top-level fields were present and not {@code null}. Protobuf cannot
 * tell a missing list from an empty one, and several Check rules do (spec/common.md §3, "Empty-list checks").
 */
public record Decoded<T extends Message>(T message, Set<String> present) {

  public Decoded {
    present = Set.copyOf(present);
  }

  public boolean has(String field) {
    return present.contains(field);
  }
}
