package io.imflux.friend;

import static io.imflux.friend.FriendChecks.MAX_IDS;
import static io.imflux.friend.FriendChecks.require;
import static io.imflux.friend.FriendChecks.requireDistinct;

import io.imflux.api.ApiRequest;
import io.imflux.proto.relation.GetSpecifiedFriendsInfoInfo;
import io.imflux.proto.relation.GetSpecifiedFriendsInfoReq;
import io.imflux.proto.relation.GetSpecifiedFriendsInfoResp;
import io.imflux.user.User;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code /friend/get_specified_friends_info} (spec/api-friend.md §15): for each listed registered user, the profile
 * and how the owner relates to them — friend row and blacklist row, with times in milliseconds.
 */
@Service
class SpecifiedFriendsService {

  private final FriendStore friends;
  private final BlackStore blacks;
  private final FriendViews views;

  SpecifiedFriendsService(FriendStore friends, BlackStore blacks, FriendViews views) {
    this.friends = friends;
    this.blacks = blacks;
    this.views = views;
  }

  Mono<GetSpecifiedFriendsInfoResp> specified(ApiRequest<GetSpecifiedFriendsInfoReq> request) {
    return Mono.defer(() -> {
      GetSpecifiedFriendsInfoReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(request.has("userIDList"), "userIDList is empty");
      List<String> userIDs = body.getUserIDListList();
      require(userIDs.size() <= MAX_IDS, "too many UserIDs, need to be less than 1000");
      require(!userIDs.isEmpty(), "userIDList is empty");
      requireDistinct(userIDs, "userIDList repeated");
      String owner = body.getOwnerUserID();
      request.operator().requireSelfOrAdmin(owner);
      return Mono.zip(views.profiles(userIDs),
              friends.findAll(owner, userIDs).map(found -> byID(found, Friend::friendUserID)),
              blacks.findAll(owner, userIDs).map(found -> byID(found, Black::blackUserID)))
          .map(found -> {
            Map<String, User> profiles = found.getT1();
            GetSpecifiedFriendsInfoResp.Builder response = GetSpecifiedFriendsInfoResp.newBuilder();
            for (String userID : userIDs) {
              User profile = profiles.get(userID);
              if (profile == null) {
                continue;
              }
              GetSpecifiedFriendsInfoInfo.Builder info = GetSpecifiedFriendsInfoInfo.newBuilder()
                  .setUserInfo(profile.toInfo());
              Friend friend = found.getT2().get(userID);
              if (friend != null) {
                info.setFriendInfo(FriendViews.specifiedFriendInfo(friend));
              }
              Black black = found.getT3().get(userID);
              if (black != null) {
                info.setBlackInfo(FriendViews.specifiedBlackInfo(black, null));
              }
              response.addInfos(info);
            }
            return response.build();
          });
    });
  }

  private static <T> Map<String, T> byID(List<T> items, Function<T, String> id) {
    return items.stream().collect(Collectors.toMap(id, Function.identity()));
  }
}
