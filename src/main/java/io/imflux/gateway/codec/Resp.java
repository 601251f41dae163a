package io.imflux.gateway.codec;

/**
 * A reply or push envelope (spec/gateway.md §6.2). {@code data} is a serialised protobuf message, empty on errors.
 */
public record Resp(int reqIdentifier, String msgIncr, String operationID, int errCode, String errMsg, byte[] data) {

  private static final byte[] NONE = new byte[0];

  /** A frame the server sends unasked: no correlation ID, no error. */
  public static Resp push(int reqIdentifier, String operationID, byte[] data) {
    return new Resp(reqIdentifier, "", operationID, 0, "", data);
  }

  /** A successful reply echoing the request's IDs. */
  public static Resp reply(Req req, byte[] data) {
    return new Resp(req.reqIdentifier(), req.msgIncr(), req.operationID(), 0, "", data);
  }

  /** A failed reply echoing the request's IDs, without data. */
  public static Resp error(Req req, int errCode, String errMsg) {
    return new Resp(req.reqIdentifier(), req.msgIncr(), req.operationID(), errCode, errMsg, NONE);
  }
}
