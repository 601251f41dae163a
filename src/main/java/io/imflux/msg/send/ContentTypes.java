package io.imflux.msg.send;

/** The content types the send routes name, as the server's own numbers (spec/api-msg.md §13). */
final class ContentTypes {

  static final int TEXT = 101;
  static final int PICTURE = 102;
  static final int VOICE = 103;
  static final int VIDEO = 104;
  static final int FILE = 105;
  static final int AT_TEXT = 106;
  static final int CUSTOM = 110;
  static final int QUOTE = 114;
  static final int MARKDOWN_TEXT = 118;
  static final int OA_NOTIFICATION = 1400;
  static final int BUSINESS_NOTIFICATION = 2001;

  private ContentTypes() {}
}
