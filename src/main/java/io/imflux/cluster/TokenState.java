package io.imflux.cluster;

import java.util.Optional;

/** The server-side state of an issued token (spec/common.md §4.2). Only NORMAL tokens are accepted. */
public enum TokenState {
  NORMAL(0),
  INVALID(1),
  KICKED(2),
  EXPIRED(3);

  private final int code;

  TokenState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static Optional<TokenState> of(int code) {
    for (TokenState state : values()) {
      if (state.code == code) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }
}
