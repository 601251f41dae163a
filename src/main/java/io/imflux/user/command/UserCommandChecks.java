package io.imflux.user.command;

import io.imflux.api.ImError;

/** The Check rules of the command routes (spec/api-auth-user.md §18–22), with the reference's texts. */
final class UserCommandChecks {

  private UserCommandChecks() {}

  static void requireUser(String userID) {
    if (userID.isEmpty()) {
      throw ImError.args("userID is empty");
    }
  }

  static void requireUserAndType(String userID, int type) {
    requireUser(userID);
    if (type == 0) {
      throw ImError.args("type is not specified");
    }
  }

  static void requireKey(String userID, int type, String uuid) {
    requireUserAndType(userID, type);
    if (uuid.isEmpty()) {
      throw ImError.args("UUID is empty");
    }
  }
}
