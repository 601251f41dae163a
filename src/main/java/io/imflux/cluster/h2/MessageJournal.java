package io.imflux.cluster.h2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The append journal of the H2 message store: every appended batch is written here, in segments
 * {@code imflux-messages-<n>.journal}, before {@code append} returns. A write that returned is in the operating
 * system's hands and survives kill -9; the H2 file itself catches up in the background and at checkpoints, after
 * which the sealed segments are deleted. On open, what the segments hold and the H2 file lacks is inserted again.
 *
 * <p>Record: payload length (int), CRC32C of the payload (int), payload = conversation ID (UTF-8, short length),
 * message count (int), then each message's protobuf bytes (int length, bytes). A torn record ends a segment.
 */
final class MessageJournal implements AutoCloseable {

  /** One journaled batch, as replayed on open. */
  record Batch(String conversationID, List<byte[]> messages) {}

  private static final String PREFIX = H2MessageStore.FILE_NAME + "-";
  private static final String SUFFIX = ".journal";
  private static final int HEADER = 8;

  private final Path directory;
  private final ReentrantLock lock = new ReentrantLock();
  private final CRC32C crc = new CRC32C();
  private ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
  private FileChannel segment;
  private long segmentNumber;
  private long segmentBytes;

  /** Starts a new segment numbered after {@code lastNumber} (the highest existing one, 0 for none). */
  MessageJournal(Path directory, long lastNumber) {
    this.directory = directory;
    this.segmentNumber = lastNumber + 1;
    this.segment = openSegment(segmentNumber);
  }

  /** The existing segments, oldest first. */
  static List<Path> segments(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(MessageJournal::isSegment).sorted((a, b) -> Long.compare(number(a), number(b))).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
  }

  static long number(Path segment) {
    String name = segment.getFileName().toString();
    return Long.parseLong(name.substring(PREFIX.length(), name.length() - SUFFIX.length()));
  }

  private static boolean isSegment(Path file) {
    String name = file.getFileName().toString();
    return name.length() > PREFIX.length() + SUFFIX.length() && name.startsWith(PREFIX) && name.endsWith(SUFFIX)
        && name.substring(PREFIX.length(), name.length() - SUFFIX.length()).chars().allMatch(Character::isDigit);
  }

  /** The complete records of a segment, in order; reading stops at the first torn or corrupt one. */
  static List<Batch> read(Path segment) {
    ByteBuffer data;
    try {
      data = ByteBuffer.wrap(Files.readAllBytes(segment));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + segment, e);
    }
    List<Batch> batches = new ArrayList<>();
    CRC32C check = new CRC32C();
    while (data.remaining() >= HEADER) {
      int length = data.getInt();
      int crc = data.getInt();
      if (length < 0 || length > data.remaining()) {
        break;
      }
      check.reset();
      check.update(data.array(), data.position(), length);
      if ((int) check.getValue() != crc) {
        break;
      }
      ByteBuffer payload = data.slice(data.position(), length);
      data.position(data.position() + length);
      byte[] conversation = new byte[payload.getShort() & 0xFFFF];
      payload.get(conversation);
      int count = payload.getInt();
      List<byte[]> messages = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        byte[] message = new byte[payload.getInt()];
        payload.get(message);
        messages.add(message);
      }
      batches.add(new Batch(new String(conversation, StandardCharsets.UTF_8), messages));
    }
    return batches;
  }

  /**
   * Writes one record per conversation (conversation ID -> its messages' bytes) in one file write; when this returns,
   * the records are in the file.
   */
  void write(Map<String, byte[][]> batches) {
    int total = 0;
    for (Map.Entry<String, byte[][]> batch : batches.entrySet()) {
      total += HEADER + payloadLength(batch.getKey(), batch.getValue());
    }
    lock.lock();
    try {
      ByteBuffer out = buffer(total);
      for (Map.Entry<String, byte[][]> batch : batches.entrySet()) {
        putRecord(out, batch.getKey(), batch.getValue());
      }
      out.flip();
      while (out.hasRemaining()) {
        segment.write(out);
      }
      segmentBytes += total;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the message journal " + directory, e);
    } finally {
      lock.unlock();
    }
  }

  private static int payloadLength(String conversationID, byte[][] messages) {
    int length = 2 + conversationID.getBytes(StandardCharsets.UTF_8).length + 4;
    for (byte[] message : messages) {
      length += 4 + message.length;
    }
    return length;
  }

  private void putRecord(ByteBuffer out, String conversationID, byte[][] messages) {
    byte[] conversation = conversationID.getBytes(StandardCharsets.UTF_8);
    int start = out.position();
    out.putInt(0).putInt(0).putShort((short) conversation.length).put(conversation).putInt(messages.length);
    for (byte[] message : messages) {
      out.putInt(message.length).put(message);
    }
    int length = out.position() - start - HEADER;
    crc.reset();
    crc.update(out.slice(start + HEADER, length));
    out.putInt(start, length).putInt(start + 4, (int) crc.getValue());
  }

  /** Bytes written to the current segment. */
  long segmentBytes() {
    lock.lock();
    try {
      return segmentBytes;
    } finally {
      lock.unlock();
    }
  }

  /** Starts a new segment and returns the number of the one it sealed. */
  long rotate() {
    lock.lock();
    try {
      FileChannel next = openSegment(segmentNumber + 1);
      closeQuietly(segment);
      segment = next;
      segmentBytes = 0;
      return segmentNumber++;
    } finally {
      lock.unlock();
    }
  }

  /** Deletes the segments numbered up to {@code number}: the H2 file holds everything they recorded. */
  void deleteThrough(long number) {
    for (Path sealed : segments(directory)) {
      if (number(sealed) <= number) {
        try {
          Files.deleteIfExists(sealed);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot delete " + sealed, e);
        }
      }
    }
  }

  /** Closes the current segment; with {@code delete}, removes every segment (the H2 file holds everything). */
  void close(boolean delete) {
    lock.lock();
    try {
      closeQuietly(segment);
      if (delete) {
        deleteThrough(Long.MAX_VALUE);
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    close(false);
  }

  private ByteBuffer buffer(int size) {
    if (buffer.capacity() < size) {
      buffer = ByteBuffer.allocateDirect(Math.max(size, buffer.capacity() * 2));
    }
    return buffer.clear();
  }

  private FileChannel openSegment(long number) {
    Path file = directory.resolve(PREFIX + number + SUFFIX);
    try {
      return FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the message journal " + file, e);
    }
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Everything written is in the file already; a failing close loses nothing.
    }
  }
}
