package io.imflux.gateway.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The gob envelope (spec/gateway.md §7): every frame is a fresh gob stream, the struct's type definition and then
 * its value. Encoding writes the constant definition and the non-zero fields; decoding reads whatever definition the
 * peer sent and matches fields by name.
 */
final class GobEnvelope implements EnvelopeCodec {

  static final GobEnvelope INSTANCE = new GobEnvelope();

  /** The server's reply struct, as the reference declares it (§7.7). */
  static final GobStruct RESP = new GobStruct("Resp",
      new String[] {"ReqIdentifier", "MsgIncr", "OperationID", "ErrCode", "ErrMsg", "Data"},
      new int[] {GobStruct.INT, GobStruct.STRING, GobStruct.STRING, GobStruct.INT, GobStruct.STRING, GobStruct.BYTES});

  /** The Go SDK's request struct (§7.9). */
  static final GobStruct REQ = new GobStruct("GeneralWsReq",
      new String[] {"ReqIdentifier", "Token", "SendID", "OperationID", "MsgIncr", "Data"},
      new int[] {GobStruct.INT, GobStruct.STRING, GobStruct.STRING, GobStruct.STRING, GobStruct.STRING, GobStruct.BYTES});

  /** Room left before a value for its length prefix, which is known only once the value is written. */
  private static final int LENGTH_ROOM = 9;
  private static final byte[] NO_BYTES = new byte[0];

  private GobEnvelope() {}

  @Override
  public int encode(Resp resp, Scratch out) {
    int body = beginValue(out, RESP);
    int last = -1;
    last = putInt(out, last, 0, resp.reqIdentifier());
    last = putString(out, last, 1, resp.msgIncr());
    last = putString(out, last, 2, resp.operationID());
    last = putInt(out, last, 3, resp.errCode());
    last = putString(out, last, 4, resp.errMsg());
    putBytes(out, last, 5, resp.data());
    return endValue(out, RESP, body);
  }

  @Override
  public int encode(Req req, Scratch out) {
    int body = beginValue(out, REQ);
    int last = -1;
    last = putInt(out, last, 0, req.reqIdentifier());
    last = putString(out, last, 1, req.token());
    last = putString(out, last, 2, req.sendID());
    last = putString(out, last, 3, req.operationID());
    last = putString(out, last, 4, req.msgIncr());
    putBytes(out, last, 5, req.data());
    return endValue(out, REQ, body);
  }

  @Override
  public Req decodeRequest(byte[] bytes, int offset, int length) {
    Values v = decode(REQ, bytes, offset, length);
    return new Req(v.int32(0), v.string(1), v.string(2), v.string(3), v.string(4), v.bytes(5));
  }

  @Override
  public Resp decodeResponse(byte[] bytes, int offset, int length) {
    Values v = decode(RESP, bytes, offset, length);
    return new Resp(v.int32(0), v.string(1), v.string(2), v.int32(3), v.string(4), v.bytes(5));
  }

  /** Leaves room for the definition and the value's length; the value (type ID first) starts at the returned offset. */
  private static int beginValue(Scratch out, GobStruct struct) {
    out.ensure(struct.definition.length + LENGTH_ROOM);
    out.length += struct.definition.length + LENGTH_ROOM;
    int body = out.length;
    GobWriter.writeInt(out, struct.typeId);
    return body;
  }

  /** Ends the struct, then puts the value's length and the definition right before it; returns the frame's start. */
  private static int endValue(Scratch out, GobStruct struct, int body) {
    out.put((byte) 0);
    int valueLength = out.length - body;
    int start = body - GobWriter.uintSize(valueLength);
    int end = out.length;
    out.length = start;
    GobWriter.writeUint(out, valueLength);
    out.length = end;
    start -= struct.definition.length;
    System.arraycopy(struct.definition, 0, out.bytes, start, struct.definition.length);
    return start;
  }

  private static int putInt(Scratch out, int last, int field, long value) {
    if (value == 0) {
      return last;
    }
    GobWriter.writeUint(out, field - last);
    GobWriter.writeInt(out, value);
    return field;
  }

  private static int putString(Scratch out, int last, int field, String value) {
    if (value.isEmpty()) {
      return last;
    }
    GobWriter.writeUint(out, field - last);
    GobWriter.writeString(out, value);
    return field;
  }

  private static int putBytes(Scratch out, int last, int field, byte[] value) {
    if (value.length == 0) {
      return last;
    }
    GobWriter.writeUint(out, field - last);
    GobWriter.writeBytes(out, value);
    return field;
  }

  /** Decodes one frame's stream (§7.10): definitions first, then the value of a defined type. */
  private static Values decode(GobStruct target, byte[] bytes, int offset, int length) {
    GobReader in = new GobReader(bytes, offset, length);
    GobStruct.Layout layout = null;
    while (in.hasMore()) {
      long messageLength = in.readUint();
      int outer = in.narrow(messageLength);
      long typeId = in.readInt();
      if (typeId < 0) {
        if (-typeId > Integer.MAX_VALUE) {
          throw new CodecException("gob: type id out of range");
        }
        layout = target.readDefinition(in, (int) -typeId);
        in.limit(outer);
        continue;
      }
      if (layout == null || layout.typeId != typeId) {
        throw new CodecException("gob: value of undefined type " + typeId);
      }
      Values values = readValue(in, layout, target);
      in.limit(outer);
      return values;
    }
    throw new CodecException("gob: frame holds no value");
  }

  private static Values readValue(GobReader in, GobStruct.Layout layout, GobStruct target) {
    Values values = new Values(in.bytes(), target.fieldCount());
    int field = -1;
    for (int delta; (delta = in.readSmall("field delta")) != 0; ) {
      field += delta;
      if (field >= layout.types.length) {
        throw new CodecException("gob: field " + field + " beyond the struct's " + layout.types.length);
      }
      int slot = layout.targets[field];
      switch (layout.types[field]) {
        case GobStruct.INT -> {
          long value = in.readInt();
          if (slot >= 0) {
            values.ints[slot] = value;
          }
        }
        case GobStruct.STRING, GobStruct.BYTES -> {
          int start = in.readRun();
          if (slot >= 0) {
            values.starts[slot] = start;
            values.lengths[slot] = in.runLength;
          }
        }
        default -> in.readUint();
      }
    }
    return values;
  }

  /** Field values of one decoded struct, kept as offsets into the frame until the record is built. */
  private static final class Values {

    final byte[] source;
    final long[] ints;
    final int[] starts;
    final int[] lengths;

    Values(byte[] source, int fields) {
      this.source = source;
      this.ints = new long[fields];
      this.starts = new int[fields];
      this.lengths = new int[fields];
    }

    int int32(int slot) {
      long value = ints[slot];
      if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
        throw new CodecException("gob: value " + value + " out of range for int32");
      }
      return (int) value;
    }

    String string(int slot) {
      return lengths[slot] == 0 ? "" : new String(source, starts[slot], lengths[slot], StandardCharsets.UTF_8);
    }

    byte[] bytes(int slot) {
      return lengths[slot] == 0 ? NO_BYTES : Arrays.copyOfRange(source, starts[slot], starts[slot] + lengths[slot]);
    }
  }
}
