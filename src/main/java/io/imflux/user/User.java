package io.imflux.user;

import io.imflux.proto.sdkws.UserInfo;

/**
 * A stored user. {@code appMangerLevel} keeps the reference's spelling; 3 and above are notification accounts and
 * robots (spec/common.md §4.4).
 */
public record User(
    String userID,
    String nickname,
    String faceURL,
    String ex,
    long createTime,
    int appMangerLevel,
    int globalRecvMsgOpt) {

  public static final int LEVEL_APP_ADMIN = 2;
  public static final int LEVEL_NOTIFICATION_ACCOUNT = 3;

  public boolean isAppAccount() {
    return appMangerLevel >= LEVEL_NOTIFICATION_ACCOUNT;
  }

  public UserInfo toInfo() {
    return UserInfo.newBuilder()
        .setUserID(userID)
        .setNickname(nickname)
        .setFaceURL(faceURL)
        .setEx(ex)
        .setCreateTime(createTime)
        .setAppMangerLevel(appMangerLevel)
        .setGlobalRecvMsgOpt(globalRecvMsgOpt)
        .build();
  }

  public static User fromInfo(UserInfo info, long createTime) {
    return new User(info.getUserID(), info.getNickname(), info.getFaceURL(), info.getEx(), createTime,
        info.getAppMangerLevel(), info.getGlobalRecvMsgOpt());
  }
}
