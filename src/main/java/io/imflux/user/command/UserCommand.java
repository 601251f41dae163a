package io.imflux.user.command;

/**
 * One stored command. The reference allows several records with the same ({@code type}, {@code uuid}), so each
 * carries its own {@code id} to delete or update exactly one of them.
 *
 * @param createTime Unix milliseconds; the openim dialect shows it in seconds (spec/dialects.md §5)
 */
record UserCommand(String id, int type, String uuid, String value, String ex, long createTime) {

  boolean matches(int type, String uuid) {
    return this.type == type && this.uuid.equals(uuid);
  }
}
