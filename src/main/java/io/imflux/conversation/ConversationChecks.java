package io.imflux.conversation;

import io.imflux.api.ImError;

/** The argument rules of the conversation routes; each failure is a 1001 with the reference's {@code errDlt} text. */
final class ConversationChecks {

  private ConversationChecks() {}

  static void require(boolean valid, String detail) {
    if (!valid) {
      throw ImError.args(detail);
    }
  }
}
