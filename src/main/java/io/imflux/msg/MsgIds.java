package io.imflux.msg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/** Server-made message IDs (spec/api-msg.md §12.1): 32 lowercase hex characters, the MD5 of a unique input. */
public final class MsgIds {

  private MsgIds() {}

  /** A clientMsgID for a message the server makes on behalf of {@code userID}. */
  public static String clientMsgID(String userID) {
    return md5Hex(System.currentTimeMillis() * 1_000_000L + (System.nanoTime() % 1_000_000L) + userID
        + (ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE));
  }

  /** A serverMsgID: only its uniqueness matters to clients. */
  public static String serverMsgID(String sendID) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return md5Hex(System.nanoTime() + "-" + sendID + "-" + random.nextLong() + random.nextLong());
  }

  private static String md5Hex(String input) {
    try {
      byte[] digest = MessageDigest.getInstance("MD5").digest(input.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }
}
