package io.imflux.gateway;

/** The {@code reqIdentifier} catalogue (spec/gateway.md §11). The server's and the SDK's names differ; the numbers count. */
final class RequestIds {

  static final int GET_NEWEST_SEQ = 1001;
  static final int PULL_BY_RANGE = 1002;
  static final int SEND_MSG = 1003;
  static final int SEND_SIGNAL_MSG = 1004;
  static final int PULL_BY_SEQ_LIST = 1005;
  static final int GET_CONV_MAX_READ_SEQ = 1006;
  static final int PULL_CONV_LAST_MESSAGE = 1007;
  static final int PUSH_MSG = 2001;
  static final int KICK = 2002;
  static final int LOGOUT = 2003;
  static final int SET_BACKGROUND_STATUS = 2004;
  static final int SUB_USER_ONLINE_STATUS = 2005;

  private RequestIds() {}
}
