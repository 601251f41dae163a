package io.imflux.user;

import io.imflux.api.ImError;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** The argument rules the user routes share; each failure is a 1001 with the reference's {@code errDlt} text. */
final class UserChecks {

  private UserChecks() {}

  static void require(boolean valid, String detail) {
    if (!valid) {
      throw ImError.args(detail);
    }
  }

  static void requireDistinct(List<String> userIDs) {
    Set<String> seen = new HashSet<>(userIDs.size() * 2);
    for (String userID : userIDs) {
      require(seen.add(userID), "userID repeated");
    }
  }

  /**
   * A search keyword is a regular expression, as in the reference; one that does not compile is the caller's
   * mistake, so 1001 rather than the reference's 500 (our decision).
   */
  static void requireRegex(String pattern, String field) {
    if (pattern.isEmpty()) {
      return;
    }
    try {
      Pattern.compile(pattern);
    } catch (PatternSyntaxException e) {
      throw ImError.args(field + " is not a valid regular expression: " + e.getDescription());
    }
  }
}
