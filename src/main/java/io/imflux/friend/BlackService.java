package io.imflux.friend;

import static io.imflux.friend.FriendChecks.require;
import static io.imflux.friend.FriendChecks.requireDistinct;

import io.imflux.api.ApiRequest;
import io.imflux.api.Paging;
import io.imflux.proto.relation.AddBlackReq;
import io.imflux.proto.relation.GetPaginationBlacksReq;
import io.imflux.proto.relation.GetPaginationBlacksResp;
import io.imflux.proto.relation.GetSpecifiedBlacksReq;
import io.imflux.proto.relation.GetSpecifiedBlacksResp;
import io.imflux.proto.relation.RemoveBlackReq;
import io.imflux.user.UserStore;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The blacklist (spec/api-friend.md §18-§21), independent of friendship. Each route checks its arguments first
 * (1001), then the caller's permission (1002), then what is stored.
 */
@Service
class BlackService {

  static final int ADD_SOURCE = 0;

  private final BlackStore store;
  private final Blacklists blacklists;
  private final UserStore users;
  private final FriendViews views;
  private final FriendNotifier notifier;
  private final Clock clock;

  BlackService(BlackStore store, Blacklists blacklists, UserStore users, FriendViews views, FriendNotifier notifier,
      Clock clock) {
    this.store = store;
    this.blacklists = blacklists;
    this.users = users;
    this.views = views;
    this.notifier = notifier;
    this.clock = clock;
  }

  /**
   * §18: both users must exist (blocking oneself fails the same way). Blocking someone blocked already succeeds and
   * changes nothing, where the reference fails with 500 (imflux's decision): no log entry, no 1207.
   */
  Mono<Void> add(ApiRequest<AddBlackReq> request) {
    return Mono.defer(() -> {
      AddBlackReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(!body.getBlackUserID().isEmpty(), "blackUserID is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      Black black = new Black(body.getOwnerUserID(), body.getBlackUserID(), clock.millis(), ADD_SOURCE,
          request.operator().userID(), body.getEx());
      return FriendChecks.requireUsers(users, List.of(black.ownerUserID(), black.blackUserID()))
          .then(blacklists.block(black))
          .flatMap(added -> added ? notifier.blackAdded(black.ownerUserID(), black.blackUserID()) : Mono.empty());
    });
  }

  /** §19: succeeds when the user was not blocked. */
  Mono<Void> remove(ApiRequest<RemoveBlackReq> request) {
    return Mono.defer(() -> {
      RemoveBlackReq body = request.body();
      require(!body.getOwnerUserID().isEmpty(), "ownerUserID is empty");
      require(!body.getBlackUserID().isEmpty(), "blackUserID is empty");
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      return blacklists.unblock(body.getOwnerUserID(), body.getBlackUserID())
          .then(notifier.blackDeleted(body.getOwnerUserID(), body.getBlackUserID()));
    });
  }

  /** §20: in the order the users were blocked. */
  Mono<GetPaginationBlacksResp> list(ApiRequest<GetPaginationBlacksReq> request) {
    return Mono.defer(() -> {
      GetPaginationBlacksReq body = request.body();
      require(!body.getUserID().isEmpty(), "userID is empty");
      Paging paging = Paging.required(body.hasPagination(), body.getPagination());
      request.operator().requireSelfOrAdmin(body.getUserID());
      return store.blacklist(body.getUserID()).flatMap(all -> views.blackInfos(paging.slice(all))
          .map(page -> GetPaginationBlacksResp.newBuilder().addAllBlacks(page).setTotal(all.size()).build()));
    });
  }

  /** §21: the listed users the owner blocked, in request order, times in milliseconds. */
  Mono<GetSpecifiedBlacksResp> specified(ApiRequest<GetSpecifiedBlacksReq> request) {
    return Mono.defer(() -> {
      GetSpecifiedBlacksReq body = request.body();
      request.operator().requireSelfOrAdmin(body.getOwnerUserID());
      List<String> userIDs = body.getUserIDListList();
      require(!userIDs.isEmpty(), "userIDList is empty");
      requireDistinct(userIDs, "userIDList repeated");
      return Mono.zip(views.profiles(userIDs), store.findAll(body.getOwnerUserID(), userIDs)).map(found -> {
        GetSpecifiedBlacksResp.Builder response = GetSpecifiedBlacksResp.newBuilder();
        found.getT2().forEach(black ->
            response.addBlacks(FriendViews.specifiedBlackInfo(black, found.getT1().get(black.blackUserID()))));
        return response.setTotal(response.getBlacksCount()).build();
      });
    });
  }
}
