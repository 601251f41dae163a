package io.imflux.api;

import io.imflux.proto.sdkws.MsgData;
import java.util.Optional;

/**
 * Which numbers the edges speak (spec/dialects.md): the API document's ({@code document}, the default) or the
 * reference server's ({@code openim}, for apps on the official SDKs). Inside the server nothing is a number.
 */
public enum Dialect {
  DOCUMENT,
  OPENIM;

  // The content and session types whose numbers the two sources disagree on (spec/dialects.md §3, §4).
  private static final int QUOTE = 114;
  private static final int QUOTE_DOCUMENT = 112;
  private static final int OA_NOTIFICATION = 1400;
  private static final int OA_DOCUMENT = 1201;
  private static final int BUSINESS_NOTIFICATION = 2001;
  private static final int BUSINESS_DOCUMENT = 1400;
  private static final int WRITE_GROUP_CHAT = 2;
  private static final int GROUP_CHAT = 3;
  private static final int NOTIFICATION_CHAT = 4;

  public int errCode(ErrorKind kind) {
    return kind.code(this);
  }

  public String errMsg(ErrorKind kind) {
    return kind.errMsg(this);
  }

  /** {@code errDlt} for a failure: where the document folds codes together it names the precise reason. */
  public String errDlt(ImError error) {
    if (this == DOCUMENT && error.kind().isToken()) {
      String detail = error.detail();
      return detail.isEmpty() ? error.kind().referenceName() : error.kind().referenceName() + ": " + detail;
    }
    return error.detail();
  }

  public String successMsg() {
    return this == DOCUMENT ? "success" : "";
  }

  /**
   * The server's content type for one a client sent (spec/dialects.md §3). Inside, content types are the reference's
   * numbers: the document's OA notification 1201 is 1400, its business notification 1400 is 2001, and quote 112 is
   * 114 in both dialects (each accepts both quote numbers).
   */
  public int contentTypeFromClient(int contentType) {
    if (contentType == QUOTE_DOCUMENT) {
      return QUOTE;
    }
    if (this == DOCUMENT) {
      if (contentType == OA_DOCUMENT) {
        return OA_NOTIFICATION;
      }
      if (contentType == BUSINESS_DOCUMENT) {
        return BUSINESS_NOTIFICATION;
      }
    }
    return contentType;
  }

  /**
   * The content type a client is shown for a stored one (spec/dialects.md §3). In the document an OA notification
   * is 1201 in the notification chat (session type 4), where no friend notification (also 1201, session type 1)
   * can be, so the two are told apart by session type.
   */
  public int contentTypeToClient(int contentType, int sessionType) {
    if (this == OPENIM) {
      return contentType;
    }
    if (contentType == OA_NOTIFICATION && sessionType == NOTIFICATION_CHAT) {
      return OA_DOCUMENT;
    }
    if (contentType == BUSINESS_NOTIFICATION) {
      return BUSINESS_DOCUMENT;
    }
    if (contentType == QUOTE) {
      return QUOTE_DOCUMENT;
    }
    return contentType;
  }

  /** A stored message as a client of this dialect is shown it: pulled, pushed or searched (spec/dialects.md §3). */
  public MsgData toClient(MsgData msg) {
    int shown = contentTypeToClient(msg.getContentType(), msg.getSessionType());
    return shown == msg.getContentType() ? msg : msg.toBuilder().setContentType(shown).build();
  }

  /**
   * The server's session type for one a client sent: the document's group chat 2 is the reference's only group chat
   * 3, in both dialects (spec/dialects.md §4).
   */
  public int sessionTypeFromClient(int sessionType) {
    return sessionType == WRITE_GROUP_CHAT ? GROUP_CHAT : sessionType;
  }

  public int platformId(Platform platform) {
    if (this == DOCUMENT && platform.documentId() != 0) {
      return platform.documentId();
    }
    return platform.openimId();
  }

  /**
   * The platform a number means: the active table first, then a number that only the other table has (so a
   * client is never refused for using the other table's unique numbers, spec/dialects.md §2).
   */
  public Optional<Platform> platform(int id) {
    Optional<Platform> own = lookup(this, id);
    if (own.isPresent()) {
      return own;
    }
    Dialect other = this == DOCUMENT ? OPENIM : DOCUMENT;
    return lookup(other, id);
  }

  private static Optional<Platform> lookup(Dialect dialect, int id) {
    if (id == 0) {
      return Optional.empty();
    }
    for (Platform p : Platform.values()) {
      int number = dialect == OPENIM ? p.openimId() : p.documentId();
      if (number == id) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}
