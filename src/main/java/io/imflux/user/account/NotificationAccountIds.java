package io.imflux.user.account;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** IDs of notification accounts: the ones the server makes up, and which given ones it accepts. */
final class NotificationAccountIds {

  /** The reference's attempts at a free generated ID before giving up with 500 (spec/api-auth-user.md §23). */
  static final int MAX_ATTEMPTS = 20;

  /**
   * The registration rule (letters, digits, {@code _}; spec/common.md §7). The reference does not check IDs here,
   * but other stores build keys as {@code userID + ":" + ...} and rely on no user ID containing {@code :}.
   */
  private static final Pattern LEGAL = Pattern.compile("[\\p{L}\\p{Nd}_]+");

  private NotificationAccountIds() {}

  /** Ten decimal digits, the first 1–9, as the reference generates them. */
  static String generate() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
  }

  static boolean isLegal(String userID) {
    return LEGAL.matcher(userID).matches();
  }
}
