package io.imflux.friend;

import static io.imflux.friend.FriendChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.proto.relation.GetFullFriendUserIDsReq;
import io.imflux.proto.relation.GetFullFriendUserIDsResp;
import io.imflux.proto.relation.GetIncrementalBlacksReq;
import io.imflux.proto.relation.GetIncrementalBlacksResp;
import io.imflux.proto.relation.GetIncrementalFriendsReq;
import io.imflux.proto.relation.GetIncrementalFriendsResp;
import io.imflux.proto.sdkws.FriendInfo;
import io.imflux.sync.IdHash;
import io.imflux.sync.VersionLog;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Incremental sync of friend lists and blacklists (spec/api-friend.md §16, §17, §22) over their version logs: what
 * changed since the client's version, or whether its ordered friend ID list is still the server's.
 */
@Service
class FriendSyncService {

  private final Friendships friendships;
  private final Blacklists blacklists;
  private final FriendStore friends;
  private final BlackStore blacks;
  private final FriendViews views;

  FriendSyncService(Friendships friendships, Blacklists blacklists, FriendStore friends, BlackStore blacks,
      FriendViews views) {
    this.friendships = friendships;
    this.blacklists = blacklists;
    this.friends = friends;
    this.blacks = blacks;
    this.views = views;
  }

  /** §16: users who are friends no longer are left out of insert and update; {@code sortVersion} is the pins'. */
  Mono<GetIncrementalFriendsResp> incrementalFriends(ApiRequest<GetIncrementalFriendsReq> request) {
    return Mono.defer(() -> {
      GetIncrementalFriendsReq body = request.body();
      String owner = body.getUserID();
      request.operator().requireSelfOrAdmin(owner);
      return friendships.log().changesSince(owner, body.getVersionID(), body.getVersion(),
              Set.of(VersionLog.SORT_MARKER))
          .flatMap(delta -> Mono.zip(friendInfos(owner, delta.inserted()), friendInfos(owner, delta.updated()))
              .map(changed -> GetIncrementalFriendsResp.newBuilder()
                  .setVersion(delta.head().version())
                  .setVersionID(delta.head().versionID())
                  .setFull(delta.full())
                  .addAllDelete(delta.deleted())
                  .addAllInsert(changed.getT1())
                  .addAllUpdate(changed.getT2())
                  .setSortVersion(delta.markerVersion(VersionLog.SORT_MARKER))
                  .build()));
    });
  }

  /** §17: the ordered ID list, left out when the client's hash says it has it already. */
  Mono<GetFullFriendUserIDsResp> fullFriendUserIDs(ApiRequest<GetFullFriendUserIDsReq> request) {
    return Mono.defer(() -> {
      GetFullFriendUserIDsReq body = request.body();
      require(!body.getUserID().isEmpty(), "userID is empty");
      String owner = body.getUserID();
      request.operator().requireSelfOrAdmin(owner);
      return friendships.log().head(owner).zipWith(friends.friendIDs(owner)).map(found -> {
        boolean equal = body.getIdHash() == IdHash.of(found.getT2());
        return GetFullFriendUserIDsResp.newBuilder()
            .setVersion(found.getT1().version())
            .setVersionID(found.getT1().versionID())
            .setEqual(equal)
            .addAllUserIDs(equal ? List.of() : found.getT2())
            .build();
      });
    });
  }

  /** §22 (imflux): as §16 over the blacklist's log; users no longer blocked are left out of insert and update. */
  Mono<GetIncrementalBlacksResp> incrementalBlacks(ApiRequest<GetIncrementalBlacksReq> request) {
    return Mono.defer(() -> {
      GetIncrementalBlacksReq body = request.body();
      String owner = body.getUserID();
      request.operator().requireSelfOrAdmin(owner);
      return blacklists.log().changesSince(owner, body.getVersionID(), body.getVersion(), Set.of())
          .flatMap(delta -> Mono.zip(
                  blacks.findAll(owner, delta.inserted()).flatMap(views::blackInfos),
                  blacks.findAll(owner, delta.updated()).flatMap(views::blackInfos))
              .map(changed -> GetIncrementalBlacksResp.newBuilder()
                  .setVersion(delta.head().version())
                  .setVersionID(delta.head().versionID())
                  .setFull(delta.full())
                  .addAllDelete(delta.deleted())
                  .addAllInsert(changed.getT1())
                  .addAllUpdate(changed.getT2())
                  .build()));
    });
  }

  private Mono<List<FriendInfo>> friendInfos(String owner, List<String> friendIDs) {
    return friends.findAll(owner, friendIDs).flatMap(views::friendInfos);
  }
}
