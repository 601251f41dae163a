package io.imflux.friend;

import io.imflux.api.Dialect;
import io.imflux.proto.sdkws.BlackInfo;
import io.imflux.proto.sdkws.FriendInfo;
import io.imflux.proto.sdkws.FriendRequest;
import io.imflux.proto.sdkws.PublicUserInfo;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stored relations as the wire shows them (spec/api-friend.md "Shared object types"): the profiles they carry, and
 * the time unit of each route — the list routes show friend and black creation times in seconds in the openim
 * dialect and in milliseconds in the document dialect (spec/dialects.md §5).
 */
@Component
class FriendViews {

  private final UserStore users;
  private final Dialect dialect;

  FriendViews(UserStore users, Dialect dialect) {
    this.users = users;
    this.dialect = dialect;
  }

  /** Routes 8, 9, 16: {@code friendUser} carries only userID, nickname, faceURL and ex. */
  Mono<List<FriendInfo>> friendInfos(List<Friend> friends) {
    return profiles(friends.stream().map(Friend::friendUserID).toList()).map(profiles -> friends.stream()
        .map(friend -> bare(friend, listTime(friend.createTime()))
            .setFriendUser(partialUser(friend.friendUserID(), profiles.get(friend.friendUserID())))
            .build())
        .toList());
  }

  /** Route 15: milliseconds, no {@code friendUser}. */
  static FriendInfo specifiedFriendInfo(Friend friend) {
    return bare(friend, friend.createTime()).build();
  }

  /** Routes 20, 22: {@code blackUserInfo} filled from the profile. */
  Mono<List<BlackInfo>> blackInfos(List<Black> blacks) {
    return profiles(blacks.stream().map(Black::blackUserID).toList()).map(profiles -> blacks.stream()
        .map(black -> blackInfo(black, listTime(black.createTime()), profiles.get(black.blackUserID())))
        .toList());
  }

  /** Routes 15 and 21: milliseconds; {@code blackUserInfo} only when given a profile. */
  static BlackInfo specifiedBlackInfo(Black black, @Nullable User profile) {
    return blackInfo(black, black.createTime(), profile);
  }

  /** Requests with both users' current nickname and face (§"Shared object types"). */
  Mono<List<FriendRequest>> requests(List<FriendApplication> requests) {
    Set<String> userIDs = new LinkedHashSet<>();
    requests.forEach(request -> {
      userIDs.add(request.fromUserID());
      userIDs.add(request.toUserID());
    });
    return profiles(userIDs).map(profiles -> requests.stream()
        .map(request -> request(request, profiles.get(request.fromUserID()), profiles.get(request.toUserID())))
        .toList());
  }

  Mono<FriendRequest> request(FriendApplication request) {
    return requests(List.of(request)).map(list -> list.get(0));
  }

  Mono<Map<String, User>> profiles(Collection<String> userIDs) {
    return users.findAll(new LinkedHashSet<>(userIDs)).collectMap(User::userID);
  }

  private long listTime(long millis) {
    return dialect == Dialect.OPENIM ? millis / 1000 : millis;
  }

  private static FriendInfo.Builder bare(Friend friend, long createTime) {
    return FriendInfo.newBuilder()
        .setOwnerUserID(friend.ownerUserID())
        .setRemark(friend.remark())
        .setCreateTime(createTime)
        .setAddSource(friend.addSource())
        .setOperatorUserID(friend.operatorUserID())
        .setEx(friend.ex())
        .setIsPinned(friend.isPinned());
  }

  private static UserInfo partialUser(String userID, @Nullable User profile) {
    UserInfo.Builder user = UserInfo.newBuilder().setUserID(userID);
    if (profile != null) {
      user.setNickname(profile.nickname()).setFaceURL(profile.faceURL()).setEx(profile.ex());
    }
    return user.build();
  }

  private static BlackInfo blackInfo(Black black, long createTime, @Nullable User profile) {
    BlackInfo.Builder info = BlackInfo.newBuilder()
        .setOwnerUserID(black.ownerUserID())
        .setCreateTime(createTime)
        .setAddSource(black.addSource())
        .setOperatorUserID(black.operatorUserID())
        .setEx(black.ex());
    if (profile != null) {
      info.setBlackUserInfo(PublicUserInfo.newBuilder()
          .setUserID(profile.userID())
          .setNickname(profile.nickname())
          .setFaceURL(profile.faceURL())
          .setEx(profile.ex()));
    }
    return info.build();
  }

  private static FriendRequest request(FriendApplication request, @Nullable User from, @Nullable User to) {
    return FriendRequest.newBuilder()
        .setFromUserID(request.fromUserID())
        .setFromNickname(from == null ? "" : from.nickname())
        .setFromFaceURL(from == null ? "" : from.faceURL())
        .setToUserID(request.toUserID())
        .setToNickname(to == null ? "" : to.nickname())
        .setToFaceURL(to == null ? "" : to.faceURL())
        .setHandleResult(request.handleResult())
        .setReqMsg(request.reqMsg())
        .setCreateTime(request.createTime())
        .setHandlerUserID(request.handlerUserID())
        .setHandleMsg(request.handleMsg())
        .setHandleTime(request.handleTime())
        .setEx(request.ex())
        .build();
  }
}
