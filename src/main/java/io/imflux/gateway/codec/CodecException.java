package io.imflux.gateway.codec;

/** A frame that cannot be decoded: bad gzip, gob or JSON. The gateway closes the connection (spec/gateway.md §10). */
public final class CodecException extends RuntimeException {

  public CodecException(String message) {
    super(message, null, false, false);
  }
}
