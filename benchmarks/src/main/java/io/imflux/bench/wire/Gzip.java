package io.imflux.bench.wire;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * One whole binary frame as one gzip member (RFC 1952; spec/gateway.md §9). The deflater and inflater are kept per
 * thread: a frame is a few hundred bytes, and making them per frame (as {@code GZIPOutputStream} does) costs more
 * native allocation than the compression itself. Fastest level, to leave the shared CPU to the server under test.
 */
public final class Gzip {

  private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};
  private static final int FEXTRA = 4;
  private static final int FNAME = 8;
  private static final int FCOMMENT = 16;
  private static final int FHCRC = 2;
  private static final ThreadLocal<Deflater> DEFLATER =
      ThreadLocal.withInitial(() -> new Deflater(Deflater.BEST_SPEED, true));
  private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(() -> new Inflater(true));
  private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[64 * 1024]);

  private Gzip() {}

  public static byte[] compress(byte[] content) {
    Deflater deflater = DEFLATER.get();
    deflater.reset();
    deflater.setInput(content);
    deflater.finish();
    byte[] buffer = BUFFER.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 2 + 32);
    out.writeBytes(HEADER);
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    CRC32 crc = new CRC32();
    crc.update(content);
    writeIntLE(out, (int) crc.getValue());
    writeIntLE(out, content.length);
    return out.toByteArray();
  }

  /** The content of one gzip member; a bad header, stream, checksum or length is an error. */
  public static byte[] decompress(byte[] frame) {
    int position = skipHeader(frame);
    Inflater inflater = INFLATER.get();
    inflater.reset();
    inflater.setInput(frame, position, frame.length - position);
    byte[] buffer = BUFFER.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length * 3);
    try {
      while (!inflater.finished()) {
        int produced = inflater.inflate(buffer);
        if (produced == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw new IllegalArgumentException("gzip: truncated stream");
        }
        out.write(buffer, 0, produced);
      }
    } catch (DataFormatException e) {
      throw new IllegalArgumentException("gzip: " + e.getMessage(), e);
    }
    int trailer = frame.length - inflater.getRemaining();
    if (frame.length - trailer != 8) {
      throw new IllegalArgumentException("gzip: expected an 8-byte trailer, found " + (frame.length - trailer));
    }
    byte[] content = out.toByteArray();
    CRC32 crc = new CRC32();
    crc.update(content);
    if (readIntLE(frame, trailer) != (int) crc.getValue() || readIntLE(frame, trailer + 4) != content.length) {
      throw new IllegalArgumentException("gzip: checksum or length mismatch");
    }
    return content;
  }

  private static int skipHeader(byte[] frame) {
    if (frame.length < 18 || frame[0] != 0x1f || frame[1] != (byte) 0x8b || frame[2] != 8) {
      throw new IllegalArgumentException("gzip: bad header " + Arrays.toString(Arrays.copyOf(frame, 3)));
    }
    int flags = frame[3];
    int position = HEADER.length;
    if ((flags & FEXTRA) != 0) {
      position += 2 + ((frame[position] & 0xff) | (frame[position + 1] & 0xff) << 8);
    }
    if ((flags & FNAME) != 0) {
      while (frame[position++] != 0) {
        // skip the file name
      }
    }
    if ((flags & FCOMMENT) != 0) {
      while (frame[position++] != 0) {
        // skip the comment
      }
    }
    if ((flags & FHCRC) != 0) {
      position += 2;
    }
    return position;
  }

  private static void writeIntLE(ByteArrayOutputStream out, int value) {
    out.write(value);
    out.write(value >>> 8);
    out.write(value >>> 16);
    out.write(value >>> 24);
  }

  private static int readIntLE(byte[] bytes, int at) {
    return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff) << 16 | (bytes[at + 3] & 0xff) << 24;
  }
}
