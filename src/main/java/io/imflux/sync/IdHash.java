package io.imflux.sync;

import io.imflux.api.json.GoJsonWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The hash a client sends to ask "is my ordered ID list still the server's?" (spec/api-friend.md §17), bit-exact with
 * the reference: MD5 of the list as Go's compact JSON array, the first 8 bytes as a big-endian unsigned 64-bit number.
 */
public final class IdHash {

  private IdHash() {}

  /** The hash as the bits of a uint64; an empty list hashes to 0. */
  public static long of(List<String> orderedIDs) {
    if (orderedIDs.isEmpty()) {
      return 0;
    }
    StringBuilder json = new StringBuilder(orderedIDs.size() * 24).append('[');
    for (int i = 0; i < orderedIDs.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      GoJsonWriter.writeString(orderedIDs.get(i), json);
    }
    json.append(']');
    return ByteBuffer.wrap(md5(json.toString().getBytes(StandardCharsets.UTF_8))).getLong();
  }

  private static byte[] md5(byte[] bytes) {
    try {
      return MessageDigest.getInstance("MD5").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has MD5", e);
    }
  }
}
