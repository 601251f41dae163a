package io.imflux.sync;

/** What happened to an element in a version log entry; the numbers are the reference's stored states. */
public enum ChangeState {
  INSERT(1),
  DELETE(2),
  UPDATE(3);

  private final int code;

  ChangeState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static ChangeState of(int code) {
    for (ChangeState state : values()) {
      if (state.code == code) {
        return state;
      }
    }
    throw new IllegalArgumentException("unknown version log state " + code);
  }
}
