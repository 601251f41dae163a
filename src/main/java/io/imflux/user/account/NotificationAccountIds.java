package io.imflux.user.account;

import java.util.concurrent.ThreadLocalRandom;

/** The IDs the server makes up for notification accounts created without one. */
final class NotificationAccountIds {

  /** The reference's attempts at a free generated ID before giving up with 500 (spec/api-auth-user.md §23). */
  static final int MAX_ATTEMPTS = 20;

  private NotificationAccountIds() {}

  /** Ten decimal digits, the first 1–9, as the reference generates them. */
  static String generate() {
    return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L));
  }
}
