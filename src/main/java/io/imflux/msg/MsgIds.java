package io.imflux.msg;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Server-made message IDs (spec/api-msg.md §12.1): 32 lowercase hex characters, as the reference's MD5 digests look.
 * Only their uniqueness matters to clients, so they are 128 random bits rather than a digest: no MessageDigest per
 * message on the send path.
 */
public final class MsgIds {

  private static final HexFormat HEX = HexFormat.of();

  private MsgIds() {}

  /** A clientMsgID for a message the server makes on behalf of a user. */
  public static String clientMsgID() {
    return random128();
  }

  /** A serverMsgID. */
  public static String serverMsgID() {
    return random128();
  }

  private static String random128() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong());
  }
}
