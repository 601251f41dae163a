package io.imflux.bench.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Go's gob encoding for one flat struct of {@code int}, {@code string} and {@code []byte} fields, as each WebSocket
 * frame of the gateway carries it (spec/gateway.md §7): a type definition, then one value. Written from the spec
 * alone, independently of the server's codec, so that every benchmark run also cross-checks the server's bytes.
 */
public final class Gob {

  public static final int INT = 2;
  public static final int BYTES = 5;
  public static final int STRING = 6;
  /** The type ID both Go peers give their only struct (§7.5). */
  private static final int TYPE_ID = 65;

  /** A struct type: its name (ignored by decoders) and its fields, matched by name. */
  public record Type(String name, String[] fields, int[] kinds, byte[] definition) {

    public static Type of(String name, String[] fields, int[] kinds) {
      return new Type(name, fields, kinds, Gob.definition(name, fields, kinds));
    }

    int index(String field) {
      for (int i = 0; i < fields.length; i++) {
        if (fields[i].equals(field)) {
          return i;
        }
      }
      return -1;
    }
  }

  private Gob() {}

  /**
   * One frame's gob stream for {@code values}, one per field of {@code type}: a {@link Long} or {@link Integer} for
   * int fields, a {@link String} or {@code byte[]} for the others. Zero values are left out, as gob does.
   */
  public static byte[] encode(Type type, Object... values) {
    Out value = new Out();
    value.integer(TYPE_ID);
    int previous = -1;
    for (int i = 0; i < values.length; i++) {
      byte[] run = switch (type.kinds[i]) {
        case INT -> null;
        case STRING -> ((String) values[i]).getBytes(StandardCharsets.UTF_8);
        case BYTES -> (byte[]) values[i];
        default -> throw new IllegalArgumentException("kind " + type.kinds[i]);
      };
      long number = run == null ? ((Number) values[i]).longValue() : 0;
      if (run == null ? number == 0 : run.length == 0) {
        continue;
      }
      value.uint(i - previous);
      previous = i;
      if (run == null) {
        value.integer(number);
      } else {
        value.run(run);
      }
    }
    value.write(0);
    Out frame = new Out();
    frame.writeBytes(type.definition);
    frame.uint(value.size());
    frame.writeBytes(value.toByteArray());
    return frame.toByteArray();
  }

  /**
   * Reads a frame's gob stream into the fields of {@code type}, whatever struct name and field order the peer
   * declared; returns one value per field of {@code type} ({@code 0L}, {@code ""} or an empty array when absent).
   * Fields the peer sends but {@code type} does not know are skipped.
   */
  public static Object[] decode(Type type, byte[] bytes) {
    In in = new In(bytes, 0, bytes.length);
    int[] map = null;
    int[] kinds = null;
    long definedId = 0;
    while (in.more()) {
      In message = in.slice(in.uint());
      long id = message.integer();
      if (id < 0) {
        definedId = -id;
        if (definedId < 64) {
          throw new IllegalArgumentException("gob: type id " + definedId + " below 64");
        }
        Field[] fields = readStructDefinition(message);
        map = new int[fields.length];
        kinds = new int[fields.length];
        for (int i = 0; i < fields.length; i++) {
          map[i] = type.index(fields[i].name());
          kinds[i] = fields[i].typeId();
        }
        continue;
      }
      if (map == null || id != definedId) {
        throw new IllegalArgumentException("gob: value of undefined type " + id);
      }
      return readValue(type, message, map, kinds);
    }
    throw new IllegalArgumentException("gob: no value in frame");
  }

  /** One field of a peer's struct definition. */
  private record Field(String name, int typeId) {}

  /** wireType{StructT: structType{CommonType{Name, Id}, Field: []fieldType{Name, Id}}} (§7.6). */
  private static Field[] readStructDefinition(In message) {
    expect(message, 3, "wireType.StructT");
    Field[] fields = new Field[0];
    int field = -1;
    for (long delta; (delta = message.uint()) != 0; ) {
      field += (int) delta;
      if (field == 0) {
        readNameAndId(message); // CommonType: the struct's name and ID; the value's ID is checked instead
      } else if (field == 1) {
        fields = new Field[Math.toIntExact(message.uint())];
        for (int i = 0; i < fields.length; i++) {
          fields[i] = readNameAndId(message);
        }
      } else {
        throw new IllegalArgumentException("gob: unexpected structType field " + field);
      }
    }
    expect(message, 0, "end of wireType");
    return fields;
  }

  /** CommonType and fieldType share one shape: {Name string, Id int}, zero values left out. */
  private static Field readNameAndId(In message) {
    String name = "";
    long id = 0;
    int field = -1;
    for (long delta; (delta = message.uint()) != 0; ) {
      field += (int) delta;
      switch (field) {
        case 0 -> name = message.string();
        case 1 -> id = message.integer();
        default -> throw new IllegalArgumentException("gob: unexpected field " + field + " in a type name");
      }
    }
    return new Field(name, (int) id);
  }

  private static Object[] readValue(Type type, In message, int[] map, int[] kinds) {
    Object[] values = new Object[type.fields.length];
    for (int i = 0; i < values.length; i++) {
      values[i] = type.kinds[i] == INT ? (Object) 0L : type.kinds[i] == STRING ? "" : new byte[0];
    }
    int field = -1;
    for (long delta; (delta = message.uint()) != 0; ) {
      field += (int) delta;
      if (field >= map.length) {
        throw new IllegalArgumentException("gob: field " + field + " not defined");
      }
      Object value = switch (kinds[field]) {
        case INT -> message.integer();
        case STRING -> new String(message.run(), StandardCharsets.UTF_8);
        case BYTES -> message.run();
        default -> throw new IllegalArgumentException("gob: unsupported field type " + kinds[field]);
      };
      int target = map[field];
      if (target >= 0) {
        if (type.kinds[target] != kinds[field]) {
          throw new IllegalArgumentException("gob: field " + type.fields[target] + " has type " + kinds[field]);
        }
        values[target] = value;
      }
    }
    return values;
  }

  private static void expect(In in, long value, String what) {
    long actual = in.uint();
    if (actual != value) {
      throw new IllegalArgumentException("gob: expected " + value + " for " + what + ", got " + actual);
    }
  }

  /** The type-definition message of a struct under type ID 65 (§7.6), length prefix included. */
  private static byte[] definition(String name, String[] fields, int[] kinds) {
    Out body = new Out();
    body.integer(-TYPE_ID);
    body.uint(3); // wireType field 2: StructT
    body.uint(1); // structType field 0: CommonType
    body.uint(1);
    body.run(name.getBytes(StandardCharsets.UTF_8));
    body.uint(1);
    body.integer(TYPE_ID);
    body.write(0);
    body.uint(1); // structType field 1: Field
    body.uint(fields.length);
    for (int i = 0; i < fields.length; i++) {
      body.uint(1);
      body.run(fields[i].getBytes(StandardCharsets.UTF_8));
      body.uint(1);
      body.integer(kinds[i]);
      body.write(0);
    }
    body.write(0);
    body.write(0);
    Out message = new Out();
    message.uint(body.size());
    message.writeBytes(body.toByteArray());
    return message.toByteArray();
  }

  /** Gob's primitives, written (§7.2). */
  private static final class Out extends ByteArrayOutputStream {

    void uint(long value) {
      if (value >= 0 && value < 128) {
        write((int) value);
        return;
      }
      int count = 8 - Long.numberOfLeadingZeros(value) / 8;
      write(256 - count);
      for (int shift = (count - 1) * 8; shift >= 0; shift -= 8) {
        write((int) (value >>> shift));
      }
    }

    void integer(long value) {
      uint(value < 0 ? (~value << 1) | 1 : value << 1);
    }

    void run(byte[] bytes) {
      uint(bytes.length);
      writeBytes(bytes);
    }
  }

  /** Gob's primitives, read; every overrun is an error. */
  private static final class In {

    private final byte[] bytes;
    private int position;
    private final int end;

    In(byte[] bytes, int position, int end) {
      this.bytes = bytes;
      this.position = position;
      this.end = end;
    }

    boolean more() {
      return position < end;
    }

    In slice(long length) {
      if (length < 0 || length > end - position) {
        throw new IllegalArgumentException("gob: message length " + length + " beyond the frame");
      }
      In slice = new In(bytes, position, position + (int) length);
      position += (int) length;
      return slice;
    }

    long uint() {
      int first = next();
      if (first < 128) {
        return first;
      }
      int count = 256 - first;
      if (count > 8) {
        throw new IllegalArgumentException("gob: bad uint byte count " + first);
      }
      long value = 0;
      for (int i = 0; i < count; i++) {
        value = value << 8 | next();
      }
      return value;
    }

    long integer() {
      long u = uint();
      return (u & 1) == 0 ? u >>> 1 : ~(u >>> 1);
    }

    byte[] run() {
      long length = uint();
      if (length < 0 || length > end - position) {
        throw new IllegalArgumentException("gob: length " + length + " beyond the message");
      }
      byte[] run = Arrays.copyOfRange(bytes, position, position + (int) length);
      position += (int) length;
      return run;
    }

    String string() {
      return new String(run(), StandardCharsets.UTF_8);
    }

    private int next() {
      if (position >= end) {
        throw new IllegalArgumentException("gob: unexpected end of message");
      }
      return bytes[position++] & 0xff;
    }
  }
}
