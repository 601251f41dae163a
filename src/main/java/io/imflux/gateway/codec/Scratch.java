package io.imflux.gateway.codec;

import java.util.Arrays;

/**
 * A growable byte buffer reused by one thread for one step of a frame (envelope or gzip), so encoding and decoding
 * allocate only their results. A buffer that grew for an unusually large frame is dropped afterwards.
 */
final class Scratch {

  private static final int INITIAL = 4096;
  private static final int RETAINED_MAX = 256 * 1024;

  byte[] bytes = new byte[INITIAL];
  int length;

  /** Makes room for {@code more} bytes after {@link #length}. */
  void ensure(int more) {
    int needed = length + more;
    if (needed > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
    }
  }

  void put(byte b) {
    ensure(1);
    bytes[length++] = b;
  }

  void put(byte[] src, int offset, int count) {
    ensure(count);
    System.arraycopy(src, offset, bytes, length, count);
    length += count;
  }

  /** The content as an exact-size array. */
  byte[] toArray() {
    return Arrays.copyOf(bytes, length);
  }

  /** Empties the buffer for the next use, giving back an oversized array. */
  Scratch reset() {
    length = 0;
    if (bytes.length > RETAINED_MAX) {
      bytes = new byte[INITIAL];
    }
    return this;
  }

  /** Per-thread buffers; each caller uses its own slot so one step's output can be the next one's input. */
  static final ThreadLocal<Scratch> ENVELOPE = ThreadLocal.withInitial(Scratch::new);
  static final ThreadLocal<Scratch> COMPRESSION = ThreadLocal.withInitial(Scratch::new);
}
