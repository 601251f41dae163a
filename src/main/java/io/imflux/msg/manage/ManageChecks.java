package io.imflux.msg.manage;

import io.imflux.api.ImError;

/** The Check rules of the management routes, with the reference's texts (its request messages' {@code Check()}). */
final class ManageChecks {

  private ManageChecks() {}

  static void requireConversationID(String conversationID) {
    if (conversationID.isEmpty()) {
      throw ImError.args("conversationID is empty");
    }
  }

  static void requireUserID(String userID) {
    if (userID.isEmpty()) {
      throw ImError.args("userID is empty");
    }
  }

  /** A list that must be present: {@code []} passes, a missing or null list does not. */
  static void requireList(boolean present, String field) {
    if (!present) {
      throw ImError.args(field + " is empty");
    }
  }
}
