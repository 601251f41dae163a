package io.imflux.gateway.codec;

/** A cursor over gob bytes reading its primitives (spec/gateway.md §7.2); any overrun is a {@link CodecException}. */
final class GobReader {

  private final byte[] bytes;
  private int position;
  private int limit;

  GobReader(byte[] bytes, int offset, int length) {
    this.bytes = bytes;
    this.position = offset;
    this.limit = offset + length;
  }

  boolean hasMore() {
    return position < limit;
  }

  int position() {
    return position;
  }

  /** Narrows reading to the next {@code length} bytes; returns the old limit to restore with {@link #limit}. */
  int narrow(long length) {
    if (length < 0 || length > limit - position) {
      throw new CodecException("gob: message length " + length + " exceeds the frame");
    }
    int old = limit;
    limit = position + (int) length;
    return old;
  }

  /** Skips what is left of the narrowed region and restores the outer limit. */
  void limit(int outer) {
    position = limit;
    limit = outer;
  }

  long readUint() {
    int first = next();
    if (first < 0x80) {
      return first;
    }
    int count = 256 - first;
    if (count > 8) {
      throw new CodecException("gob: invalid uint length byte " + first);
    }
    long value = 0;
    for (int i = 0; i < count; i++) {
      value = (value << 8) | next();
    }
    return value;
  }

  long readInt() {
    long u = readUint();
    return (u & 1) != 0 ? ~(u >>> 1) : u >>> 1;
  }

  /** A uint that must fit a non-negative int (lengths, counts, deltas). */
  int readSmall(String what) {
    long value = readUint();
    if (value < 0 || value > Integer.MAX_VALUE) {
      throw new CodecException("gob: " + what + " " + value + " out of range");
    }
    return (int) value;
  }

  /** The offset of a length-prefixed byte run, after which the cursor stands; its length is {@link #runLength}. */
  int readRun() {
    int length = readSmall("length");
    if (length > limit - position) {
      throw new CodecException("gob: length " + length + " exceeds the message");
    }
    runLength = length;
    int start = position;
    position += length;
    return start;
  }

  int runLength;

  byte[] bytes() {
    return bytes;
  }

  private int next() {
    if (position >= limit) {
      throw new CodecException("gob: unexpected end of message");
    }
    return bytes[position++] & 0xff;
  }
}
