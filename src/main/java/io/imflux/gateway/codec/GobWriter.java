package io.imflux.gateway.codec;

import java.nio.charset.StandardCharsets;

/** Gob's primitive encodings (spec/gateway.md §7.2) appended to a {@link Scratch}. */
final class GobWriter {

  private GobWriter() {}

  static void writeUint(Scratch out, long value) {
    if (value >= 0 && value < 0x80) {
      out.put((byte) value);
      return;
    }
    int bytes = (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
    out.ensure(bytes + 1);
    out.bytes[out.length++] = (byte) -bytes;
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
      out.bytes[out.length++] = (byte) (value >>> shift);
    }
  }

  /** Zig-zag: non-negative i as 2i, negative as (~i << 1) | 1. */
  static void writeInt(Scratch out, long value) {
    writeUint(out, value < 0 ? (~value << 1) | 1 : value << 1);
  }

  /** A length-prefixed string; ASCII, what IDs are, is copied without an intermediate array. */
  static void writeString(Scratch out, String value) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      if (value.charAt(i) >= 0x80) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeBytes(out, utf8);
        return;
      }
    }
    writeUint(out, length);
    out.ensure(length);
    for (int i = 0; i < length; i++) {
      out.bytes[out.length++] = (byte) value.charAt(i);
    }
  }

  static void writeBytes(Scratch out, byte[] value) {
    writeUint(out, value.length);
    out.put(value, 0, value.length);
  }

  /** How many bytes {@link #writeUint} takes for {@code value}. */
  static int uintSize(long value) {
    return value >= 0 && value < 0x80 ? 1 : 1 + (64 - Long.numberOfLeadingZeros(value) + 7) / 8;
  }
}
