package io.imflux.api;

/**
 * What went wrong, as a meaning. The numbers a client sees depend on the dialect and are looked up only when a
 * response is written ({@link Dialect#errCode}); spec/common.md §5 and spec/dialects.md §1 are the tables.
 */
public enum ErrorKind {
  ARGS(1001, "ArgsError", 1001, "ArgsError"),
  NO_PERMISSION(1002, "NoPermissionError", 1002, "NoPermissionError"),
  /** A referenced record (friend row, member, command, object ...) that is not a user or a group. */
  RECORD_NOT_FOUND(1004, "RecordNotFoundError", 1004, "RecordNotFoundError"),
  /** A user that does not exist, where the reference reports its generic 1004. */
  USER_NOT_FOUND(1004, "RecordNotFoundError", 1003, "UserIDNotFoundError"),
  /** A user that does not exist, where the reference reports 1101. */
  USER_ID_NOT_FOUND(1101, "UserIDNotFoundError", 1003, "UserIDNotFoundError"),
  REGISTERED_ALREADY(1102, "RegisteredAlreadyError", 1102, "RegisteredAlreadyError"),
  GROUP_NOT_FOUND(1201, "GroupIDNotFoundError", 1004, "GroupIDNotFoundError"),
  /** A group that does not exist, where the reference reports its generic 1004. */
  GROUP_RECORD_NOT_FOUND(1004, "RecordNotFoundError", 1004, "GroupIDNotFoundError"),
  GROUP_ID_EXISTED(1202, "GroupIDExisted", 1202, "GroupIDExisted"),
  NOT_IN_GROUP(1203, "NotInGroupYetError", 1203, "NotInGroupYetError"),
  GROUP_DISMISSED(1204, "DismissedAlreadyError", 1204, "DismissedAlreadyError"),
  GROUP_REQUEST_HANDLED(1206, "GroupRequestHandled", 1206, "GroupRequestHandled"),
  CANNOT_ADD_YOURSELF(1301, "CanNotAddYourselfError", 1301, "CanNotAddYourselfError"),
  BLOCKED_BY_PEER(1302, "BlockedByPeer", 1302, "BlockedByPeer"),
  NOT_PEERS_FRIEND(1303, "NotPeersFriend", 1303, "NotPeersFriend"),
  RELATIONSHIP_ALREADY(1304, "RelationshipAlreadyError", 1304, "RelationshipAlreadyError"),
  FRIEND_REQUEST_HANDLED(1305, "FriendRequestHandled", 1305, "FriendRequestHandled"),
  MUTED_IN_GROUP(1402, "MutedInGroup", 1402, "MutedInGroup"),
  MUTED_GROUP(1403, "MutedGroup", 1403, "MutedGroup"),
  MSG_ALREADY_REVOKED(1404, "MsgAlreadyRevoke", 1404, "MsgAlreadyRevoke"),
  TOKEN_EXPIRED(1501, "TokenExpiredError", 1005, "TokenInvalidError"),
  TOKEN_INVALID(1502, "TokenInvalidError", 1005, "TokenInvalidError"),
  TOKEN_MALFORMED(1503, "TokenMalformedError", 1005, "TokenInvalidError"),
  TOKEN_NOT_VALID_YET(1504, "TokenNotValidYetError", 1005, "TokenInvalidError"),
  TOKEN_UNKNOWN(1505, "TokenUnknownError", 1005, "TokenInvalidError"),
  TOKEN_KICKED(1506, "TokenKickedError", 1005, "TokenInvalidError"),
  TOKEN_NOT_EXIST(1507, "TokenNotExistError", 1005, "TokenInvalidError"),
  CONN_OVER_MAX(1601, "ConnOverMaxNumLimit", 1601, "ConnOverMaxNumLimit"),
  CONN_ARGS(1602, "args err, need token, sendID, platformID", 1602, "args err, need token, sendID, platformID"),
  PUSH_MSG(1603, "push msg err", 1603, "push msg err"),
  DATA(90007, "DataError", 90007, "DataError"),
  INTERNAL(500, "ServerInternalError", 500, "ServerInternalError");

  private final int openimCode;
  private final String openimName;
  private final int documentCode;
  private final String documentName;

  ErrorKind(int openimCode, String openimName, int documentCode, String documentName) {
    this.openimCode = openimCode;
    this.openimName = openimName;
    this.documentCode = documentCode;
    this.documentName = documentName;
  }

  int code(Dialect dialect) {
    return dialect == Dialect.OPENIM ? openimCode : documentCode;
  }

  String errMsg(Dialect dialect) {
    return dialect == Dialect.OPENIM ? openimName : documentName;
  }

  /** The reference's own name of the condition, kept in {@code errDlt} where the dialect folds codes together. */
  String referenceName() {
    return openimName;
  }

  boolean isToken() {
    return openimCode >= 1501 && openimCode <= 1507;
  }
}
