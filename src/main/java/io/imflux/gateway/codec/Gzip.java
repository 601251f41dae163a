package io.imflux.gateway.codec;

import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Gzip (RFC 1952) of one whole frame (spec/gateway.md §9), with a deflater, an inflater and a checksum kept per
 * thread: a frame is a few hundred bytes, so creating them per frame would cost more than compressing.
 */
final class Gzip {

  /** Fastest level: frames are small and latency matters more than a few bytes. */
  private static final int LEVEL = Deflater.BEST_SPEED;
  /**
   * Content up to this size is stored, not compressed: a valid gzip stream with one stored deflate block (RFC 1951
   * §3.2.4) that every gunzip reads. A chat frame of a few hundred bytes shrinks by a quarter at best, while a
   * deflater costs far more than the rest of the frame's encoding; larger frames (pull replies) are compressed.
   */
  static final int STORE_UP_TO = 1024;
  private static final int STORED_FINAL_BLOCK = 1;
  /** Gzip header as Go writes it: no name, no time, unknown OS. */
  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int TRAILER = 8;
  private static final int FHCRC = 2;
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;

  private static final ThreadLocal<Deflater> DEFLATER = ThreadLocal.withInitial(() -> new Deflater(LEVEL, true));
  private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));
  private static final ThreadLocal<CRC32> CRC = ThreadLocal.withInitial(CRC32::new);

  private Gzip() {}

  /** Appends the gzip of {@code bytes[offset, offset+length)} to {@code out}. */
  static void compress(byte[] bytes, int offset, int length, Scratch out) {
    CRC32 crc = CRC.get();
    crc.reset();
    crc.update(bytes, offset, length);
    out.put(HEADER, 0, HEADER.length);
    if (length <= STORE_UP_TO) {
      out.ensure(5);
      out.bytes[out.length++] = STORED_FINAL_BLOCK;
      out.bytes[out.length++] = (byte) length;
      out.bytes[out.length++] = (byte) (length >>> 8);
      out.bytes[out.length++] = (byte) ~length;
      out.bytes[out.length++] = (byte) (~length >>> 8);
      out.put(bytes, offset, length);
    } else {
      Deflater deflater = DEFLATER.get();
      deflater.setInput(bytes, offset, length);
      deflater.finish();
      while (!deflater.finished()) {
        out.ensure(Math.max(64, length / 2 + 32));
        out.length += deflater.deflate(out.bytes, out.length, out.bytes.length - out.length);
      }
      deflater.reset();
    }
    out.ensure(TRAILER);
    putIntLE(out, (int) crc.getValue());
    putIntLE(out, length);
  }

  /**
   * Appends the decompressed content of {@code bytes[offset, offset+length)} to {@code out}; members may follow each
   * other as Go's reader allows. More than {@code maxLength} bytes of content fail, as does any corruption.
   */
  static void decompress(byte[] bytes, int offset, int length, Scratch out, int maxLength) {
    int position = offset;
    int end = offset + length;
    int start = out.length;
    Inflater inflater = INFLATER.get();
    CRC32 crc = CRC.get();
    try {
      do {
        position = skipHeader(bytes, position, end);
        int memberStart = out.length;
        inflater.setInput(bytes, position, end - position);
        while (!inflater.finished()) {
          out.ensure(Math.max(256, length * 2));
          int produced = inflater.inflate(out.bytes, out.length, out.bytes.length - out.length);
          out.length += produced;
          if (out.length - start > maxLength) {
            throw new CodecException("gzip: content larger than " + maxLength + " bytes");
          }
          if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
            throw new CodecException("gzip: unexpected end of stream");
          }
        }
        position = end - inflater.getRemaining();
        if (end - position < TRAILER) {
          throw new CodecException("gzip: missing trailer");
        }
        crc.reset();
        crc.update(out.bytes, memberStart, out.length - memberStart);
        if (intLE(bytes, position) != (int) crc.getValue() || intLE(bytes, position + 4) != out.length - memberStart) {
          throw new CodecException("gzip: checksum error");
        }
        position += TRAILER;
        inflater.reset();
      } while (position < end);
    } catch (DataFormatException e) {
      throw new CodecException("gzip: " + e.getMessage());
    } finally {
      inflater.reset();
    }
  }

  private static int skipHeader(byte[] bytes, int position, int end) {
    if (end - position < HEADER.length || bytes[position] != 0x1f || bytes[position + 1] != (byte) 0x8b
        || bytes[position + 2] != 8) {
      throw new CodecException("gzip: invalid header");
    }
    int flags = bytes[position + 3] & 0xff;
    int p = position + HEADER.length;
    if ((flags & FEXTRA) != 0) {
      require(p + 2 <= end);
      p += 2 + ((bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) {
      p = afterZero(bytes, p, end);
    }
    if ((flags & FCOMMENT) != 0) {
      p = afterZero(bytes, p, end);
    }
    if ((flags & FHCRC) != 0) {
      p += 2;
    }
    require(p <= end);
    return p;
  }

  private static int afterZero(byte[] bytes, int p, int end) {
    while (p < end && bytes[p] != 0) {
      p++;
    }
    require(p < end);
    return p + 1;
  }

  private static void require(boolean condition) {
    if (!condition) {
      throw new CodecException("gzip: truncated header");
    }
  }

  private static void putIntLE(Scratch out, int value) {
    out.bytes[out.length++] = (byte) value;
    out.bytes[out.length++] = (byte) (value >>> 8);
    out.bytes[out.length++] = (byte) (value >>> 16);
    out.bytes[out.length++] = (byte) (value >>> 24);
  }

  private static int intLE(byte[] bytes, int p) {
    return (bytes[p] & 0xff) | (bytes[p + 1] & 0xff) << 8 | (bytes[p + 2] & 0xff) << 16 | (bytes[p + 3] & 0xff) << 24;
  }
}
