package io.imflux.api;

import java.util.Optional;

/**
 * Which numbers the edges speak (spec/dialects.md): the API document's ({@code document}, the default) or the
 * reference server's ({@code openim}, for apps on the official SDKs). Inside the server nothing is a number.
 */
public enum Dialect {
  DOCUMENT,
  OPENIM;

  public int errCode(ErrorKind kind) {
    return kind.code(this);
  }

  public String errMsg(ErrorKind kind) {
    return kind.errMsg(this);
  }

  /** {@code errDlt} for a failure: where the document folds codes together it names the precise reason. */
  public String errDlt(ImError error) {
    if (this == DOCUMENT && error.kind().isToken()) {
      String detail = error.detail();
      return detail.isEmpty() ? error.kind().referenceName() : error.kind().referenceName() + ": " + detail;
    }
    return error.detail();
  }

  public String successMsg() {
    return this == DOCUMENT ? "success" : "";
  }

  public int platformId(Platform platform) {
    if (this == DOCUMENT && platform.documentId() != 0) {
      return platform.documentId();
    }
    return platform.openimId();
  }

  /**
   * The platform a number means: the active table first, then a number that only the other table has (so a
   * client is never refused for using the other table's unique numbers, spec/dialects.md §2).
   */
  public Optional<Platform> platform(int id) {
    Optional<Platform> own = lookup(this, id);
    if (own.isPresent()) {
      return own;
    }
    Dialect other = this == DOCUMENT ? OPENIM : DOCUMENT;
    return lookup(other, id);
  }

  private static Optional<Platform> lookup(Dialect dialect, int id) {
    if (id == 0) {
      return Optional.empty();
    }
    for (Platform p : Platform.values()) {
      int number = dialect == OPENIM ? p.openimId() : p.documentId();
      if (number == id) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
