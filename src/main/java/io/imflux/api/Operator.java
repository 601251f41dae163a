package io.imflux.api;

/**
 * Who is calling: the token's user and platform, and whether that user is one of the configured admins
 * (spec/common.md §1.4, §4.4). Permission checks use nothing else.
 */
public record Operator(String userID, Platform platform, boolean admin) {

  public void requireAdmin() {
    if (!admin) {
      throw ImError.noPermission("user " + userID + " is not admin userID");
    }
  }

  /** self/admin on a field: the operator is that user, or an admin. */
  public void requireSelfOrAdmin(String ownerUserID) {
    if (!admin && !userID.equals(ownerUserID)) {
      throw ImError.noPermission("opUserID " + userID + " is not " + ownerUserID + " or admin");
    }
  }

  /** either/admin on two fields. */
  public void requireEitherOrAdmin(String first, String second) {
    if (!admin && !userID.equals(first) && !userID.equals(second)) {
      throw ImError.noPermission("opUserID " + userID + " is not " + first + " or " + second + " or admin");
    }
  }
}
