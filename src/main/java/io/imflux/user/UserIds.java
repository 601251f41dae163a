package io.imflux.user;

import java.util.regex.Pattern;

/**
 * Which user IDs are legal: letters of any script, decimal digits and {@code _} (spec/common.md §7), so never empty
 * and never a {@code :}, which stores that build keys as {@code userID + ":" + ...} rely on.
 */
public final class UserIds {

  private static final Pattern LEGAL = Pattern.compile("[\\p{L}\\p{Nd}_]+");

  private UserIds() {}

  public static boolean isLegal(String userID) {
    return LEGAL.matcher(userID).matches();
  }
}
