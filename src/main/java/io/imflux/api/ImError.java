package io.imflux.api;

/**
 * A failure with a meaning that a client is told about. Services signal it with {@code Mono.error(...)} (or throw
 * it inside an operator); {@link ApiResponses} turns it into the dialect's envelope in one place.
 */
public final class ImError extends RuntimeException {

  private final ErrorKind kind;

  public ImError(ErrorKind kind, String detail) {
    super(detail, null, false, false);
    this.kind = kind;
  }

  public static ImError args(String detail) {
    return new ImError(ErrorKind.ARGS, detail);
  }

  public static ImError noPermission(String detail) {
    return new ImError(ErrorKind.NO_PERMISSION, detail);
  }

  public ErrorKind kind() {
    return kind;
  }

  public String detail() {
    return getMessage() == null ? "" : getMessage();
  }

  @Override
  public String toString() {
    return kind + ": " + detail();
  }
}
