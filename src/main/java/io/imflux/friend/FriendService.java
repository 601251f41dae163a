package io.imflux.friend;

import static io.imflux.friend.FriendChecks.MAX_IDS;
import static io.imflux.friend.FriendChecks.require;
import static io.imflux.friend.FriendChecks.requireDistinct;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Paging;
import io.imflux.proto.relation.DeleteFriendReq;
import io.imflux.proto.relation.GetDesignatedFriendsReq;
import io.imflux.proto.relation.GetDesignatedFriendsResp;
import io.imflux.proto.relation.GetFriendIDsReq;
import io.imflux.proto.relation.GetFriendIDsResp;
import io.imflux.proto.relation.GetPaginationFriendsReq;
import io.imflux.proto.relation.GetPaginationFriendsResp;
import io.imflux.proto.relation.ImportFriendReq;
import io.imflux.proto.relation.IsFriendReq;
import io.imflux.proto.relation.IsFriendResp;
import io.imflux.proto.relation.SetFriendRemarkReq;
import io.imflux.proto.relation.UpdateFriendsReq;
import io.imflux.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The friend list itself (spec/api-friend.md §7-§14): deleting, listing, remarks and other per-friend fields, the
 * admin import, and the friendship questions. Each route checks its arguments first (1001), then the caller's
 * permission (1002), then what is stored.
 */
@Service
class FriendService {

  private final FriendStore store;
  private final Friendships friendships;
  private final FriendRelations relations;
  private final UserStore users;
  private final FriendViews views;
  private final FriendNotifier notifier;
  private final Clock clock;

  FriendService(FriendStore store, Friendships friendships, FriendRelations relations, UserStore users,
      FriendViews views, FriendNotifier notifier, Clock clock) {
    this.store = store;
    this.friendships = friendships;
    this.relations = relations;
    this.users = users;
    this.views = views;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** §7: removes only the owner's side, and succeeds when they were not friends. */
  Mono<Void> delete(ApiRequest<DeleteFriendReq> request) {
    return Mono.defer(() -> {
      DeleteFriendReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "userID1 is empty");
      require(!body.getFriendUserID().isEmpty(), "userID2 is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      return friendships.unfriend(body.getOwnerUserID(), body.getFriendUserID())
          .then(notifier.deleted(body.getOwnerUserID(), body.getFriendUserID()));
    });
  }

  /** §8: pinned friends first, then in the order they became friends. */
  Mono<GetPaginationFriendsResp> list(ApiRequest<GetPaginationFriendsReq> request) {
    return Mono.defer(() -> {
      GetPaginationFriendsReq body = request.body();
      Paging paging = Paging.required(body.hasPagination(), body.getPagination());
      require(!body.getUserID().isEmpty(), "userID is empty");
      request.operator().requireSelfOrAdmin(body.getUserID());
      return store.friendIDs(body.getUserID()).flatMap(ids -> store.findAll(body.getUserID(), paging.slice(ids))
          .flatMap(views::friendInfos)
          .map(page -> GetPaginationFriendsResp.newBuilder().addAllFriendsInfo(page).setTotal(ids.size()).build()));
    });
  }

  /** §9: the listed users that are friends of the owner; the others are left out. */
  Mono<GetDesignatedFriendsResp> designated(ApiRequest<GetDesignatedFriendsReq> request) {
    return Mono.defer(() -> {
      GetDesignatedFriendsReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(request.has("friendUserIDs"), "friendUserIDS is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      requireDistinct(body.getFriendUserIDsList(), "friend userID repeated");
      return store.findAll(body.getOwnerUserID(), body.getFriendUserIDsList())
          .flatMap(views::friendInfos)
          .map(found -> GetDesignatedFriendsResp.newBuilder().addAllFriendsInfo(found).build());
    });
  }

  /** §10: only on an existing friend (1004); an empty remark clears it. */
  Mono<Void> setRemark(ApiRequest<SetFriendRemarkReq> request) {
    return Mono.defer(() -> {
      SetFriendRemarkReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(!body.getFriendUserID().isEmpty(), "fromUserID is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      String owner = body.getOwnerUserID();
      String friend = body.getFriendUserID();
      return store.find(owner, friend)
          .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.RECORD_NOT_FOUND, "friend " + friend + " not found")))
          .flatMap(found -> friendships.update(owner, List.of(friend), new FriendPatch(null, body.getRemark(), null)))
          .then(notifier.remarkSet(owner, friend));
    });
  }

  /** §11: the fields present are set on every listed friend; 1210 tells the owner's devices even when none was. */
  Mono<Void> update(ApiRequest<UpdateFriendsReq> request) {
    return Mono.defer(() -> {
      UpdateFriendsReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(request.has("friendUserIDs"), "friendUserIDs is empty");
      List<String> friendIDs = body.getFriendUserIDsList();
      require(friendIDs.size() <= MAX_IDS, "too many FriendUserIDs, need to be less than 1000");
      require(!friendIDs.isEmpty(), "friendIDList is empty");
      requireDistinct(friendIDs, "friendIDList repeated");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      FriendPatch patch = new FriendPatch(
          body.hasIsPinned() ? body.getIsPinned().getValue() : null,
          body.hasRemark() ? body.getRemark().getValue() : null,
          body.hasEx() ? body.getEx().getValue() : null);
      return friendships.update(body.getOwnerUserID(), friendIDs, patch)
          .then(notifier.friendsUpdated(body.getOwnerUserID(), friendIDs));
    });
  }

  /**
   * §12 (admin): both directions for every listed user, keeping rows that exist, and 1201 from each listed user to
   * the owner. Listing the owner or a user twice fails the existence check with "user not found" (reference quirk).
   */
  Mono<Void> importFriends(ApiRequest<ImportFriendReq> request) {
    return Mono.defer(() -> {
      ImportFriendReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(request.has("friendUserIDs"), "friendUserIDS is empty");
      List<String> friendIDs = body.getFriendUserIDsList();
      require(friendIDs.size() <= MAX_IDS, "too many FriendUserIDs, need to be less than 1000");
      request.operator().requireAdmin();
      String owner = body.getOwnerUserID();
      List<String> everyone = new ArrayList<>(friendIDs.size() + 1);
      everyone.add(owner);
      everyone.addAll(friendIDs);
      long now = clock.millis();
      String admin = request.operator().userID();
      List<Friend> rows = new ArrayList<>(friendIDs.size() * 2);
      friendIDs.forEach(id -> rows.add(Friend.added(owner, id, Friend.ADD_BY_IMPORT, admin, now)));
      friendIDs.forEach(id -> rows.add(Friend.added(id, owner, Friend.ADD_BY_IMPORT, admin, now)));
      return FriendChecks.requireUsers(users, everyone)
          .then(friendships.befriend(rows))
          .thenMany(Flux.fromIterable(friendIDs))
          .concatMap(friendID -> notifier.approved(owner, friendID, "", null))
          .then();
    });
  }

  /** §13: each direction on its own; unknown users are simply not friends. */
  Mono<IsFriendResp> isFriend(ApiRequest<IsFriendReq> request) {
    return Mono.defer(() -> {
      IsFriendReq body = request.body();
      require(!body.getUserID1().isEmpty(), "userID1 is empty");
      require(!body.getUserID2().isEmpty(), "userID2 is empty");
      request.operator().requireEitherOrAdmin(body.getUserID1(), body.getUserID2());
      return Mono.zip(relations.isFriend(body.getUserID1(), body.getUserID2()),
              relations.isFriend(body.getUserID2(), body.getUserID1()))
          .map(in -> IsFriendResp.newBuilder().setInUser1Friends(in.getT1()).setInUser2Friends(in.getT2()).build());
    });
  }

  /** §14: every friend ID in the default order. */
  Mono<GetFriendIDsResp> friendIDs(ApiRequest<GetFriendIDsReq> request) {
    return Mono.defer(() -> {
      GetFriendIDsReq body = request.body();
      require(!body.getUserID().isEmpty(), "userID is empty");
      request.operator().requireSelfOrAdmin(body.getUserID());
      return store.friendIDs(body.getUserID())
          .map(ids -> GetFriendIDsResp.newBuilder().addAllFriendIDs(ids).build());
    });
  }
}
