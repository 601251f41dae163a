package io.imflux.bench.wire;

/**
 * The gateway's two envelopes (spec/gateway.md §6) and their frames: gob (§7), gzipped when the connection asked for
 * it (§9). The load generator encodes {@link Req} and decodes {@link Resp}, as the Go SDK does; the bare relay does
 * the opposite with the same code.
 */
public final class Envelope {

  /** The Go SDK's request struct, fields in the SDK's order (§7.9). */
  static final Gob.Type REQ = Gob.Type.of("GeneralWsReq",
      new String[] {"ReqIdentifier", "Token", "SendID", "OperationID", "MsgIncr", "Data"},
      new int[] {Gob.INT, Gob.STRING, Gob.STRING, Gob.STRING, Gob.STRING, Gob.BYTES});

  /** The server's reply struct (§7.7). */
  static final Gob.Type RESP = Gob.Type.of("Resp",
      new String[] {"ReqIdentifier", "MsgIncr", "OperationID", "ErrCode", "ErrMsg", "Data"},
      new int[] {Gob.INT, Gob.STRING, Gob.STRING, Gob.INT, Gob.STRING, Gob.BYTES});

  public static final int GET_NEWEST_SEQ = 1001;
  public static final int SEND_MSG = 1003;
  public static final int PUSH_MSG = 2001;
  public static final int KICK = 2002;

  /** Client to server (§6.1); the SDK leaves {@code Token} empty. */
  public record Req(int reqIdentifier, String sendID, String operationID, String msgIncr, byte[] data) {}

  /** Server to client (§6.2). */
  public record Resp(int reqIdentifier, String msgIncr, String operationID, int errCode, String errMsg, byte[] data) {}

  private Envelope() {}

  public static byte[] encode(Req req, boolean gzip) {
    byte[] gob = Gob.encode(REQ, req.reqIdentifier(), "", req.sendID(), req.operationID(), req.msgIncr(), req.data());
    return gzip ? Gzip.compress(gob) : gob;
  }

  public static Resp decodeResp(byte[] frame, boolean gzip) {
    Object[] v = Gob.decode(RESP, gzip ? Gzip.decompress(frame) : frame);
    return new Resp(toInt(v[0]), (String) v[1], (String) v[2], toInt(v[3]), (String) v[4], (byte[]) v[5]);
  }

  public static byte[] encode(Resp resp, boolean gzip) {
    byte[] gob = Gob.encode(RESP, resp.reqIdentifier(), resp.msgIncr(), resp.operationID(), resp.errCode(),
        resp.errMsg(), resp.data());
    return gzip ? Gzip.compress(gob) : gob;
  }

  public static Req decodeReq(byte[] frame, boolean gzip) {
    Object[] v = Gob.decode(REQ, gzip ? Gzip.decompress(frame) : frame);
    return new Req(toInt(v[0]), (String) v[2], (String) v[3], (String) v[4], (byte[]) v[5]);
  }

  private static int toInt(Object value) {
    return Math.toIntExact((Long) value);
  }
}
