package io.imflux.friend;

import static io.imflux.friend.FriendChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.api.Paging;
import io.imflux.proto.relation.ApplyToAddFriendReq;
import io.imflux.proto.relation.GetDesignatedFriendsApplyReq;
import io.imflux.proto.relation.GetDesignatedFriendsApplyResp;
import io.imflux.proto.relation.GetPaginationFriendsApplyFromReq;
import io.imflux.proto.relation.GetPaginationFriendsApplyFromResp;
import io.imflux.proto.relation.GetPaginationFriendsApplyToReq;
import io.imflux.proto.relation.GetPaginationFriendsApplyToResp;
import io.imflux.proto.relation.GetSelfUnhandledApplyCountReq;
import io.imflux.proto.relation.GetSelfUnhandledApplyCountResp;
import io.imflux.proto.relation.RespondFriendApplyReq;
import io.imflux.proto.sdkws.FriendRequest;
import io.imflux.user.UserStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Friend requests (spec/api-friend.md §1-§6): applying, answering, and the lists either side sees. Each route checks
 * its arguments first (1001), then the caller's permission (1002), then what is stored.
 */
@Service
class FriendApplyService {

  private final FriendRequestStore requests;
  private final FriendRelations relations;
  private final Friendships friendships;
  private final UserStore users;
  private final FriendViews views;
  private final FriendNotifier notifier;
  private final Clock clock;

  FriendApplyService(FriendRequestStore requests, FriendRelations relations, Friendships friendships, UserStore users,
      FriendViews views, FriendNotifier notifier, Clock clock) {
    this.requests = requests;
    this.relations = relations;
    this.friendships = friendships;
    this.users = users;
    this.views = views;
    this.notifier = notifier;
    this.clock = clock;
  }

  /** §1: a one-sided friendship does not block applying again, a mutual one does (1304); blacklists never do. */
  Mono<Void> apply(ApiRequest<ApplyToAddFriendReq> request) {
    return Mono.defer(() -> {
      ApplyToAddFriendReq body = request.body();
      require(!body.getToUserID().isEmpty(), "toUserID is empty");
      require(!body.getFromUserID().isEmpty(), "fromUserID is empty");
      request.operator().requireSelfOrAdmin(body.getFromUserID());
      String from = body.getFromUserID();
      String to = body.getToUserID();
      if (from.equals(to)) {
        throw new ImError(ErrorKind.CANNOT_ADD_YOURSELF, "toUserID is fromUserID " + to);
      }
      return FriendChecks.requireUsers(users, List.of(to, from))
          .then(Mono.zip(relations.isFriend(from, to), relations.isFriend(to, from)))
          .flatMap(in -> in.getT1() && in.getT2()
              ? Mono.error(new ImError(ErrorKind.RELATIONSHIP_ALREADY, "already friends"))
              : requests.apply(from, to, body.getReqMsg(), body.getEx(), clock.millis()))
          .flatMap(views::request)
          .flatMap(notifier::applied);
    });
  }

  /** §2: 1 agrees and makes them friends both ways, -1 refuses. */
  Mono<Void> respond(ApiRequest<RespondFriendApplyReq> request) {
    return Mono.defer(() -> {
      RespondFriendApplyReq body = request.body();
      require(!body.getToUserID().isEmpty(), "toUserID is empty");
      require(!body.getFromUserID().isEmpty(), "fromUserID is empty");
      request.operator().requireSelfOrAdmin(body.getToUserID());
      return switch (body.getHandleResult()) {
        case FriendApplication.AGREED -> agree(request.operator(), body);
        case FriendApplication.REFUSED -> refuse(body);
        default -> Mono.error(ImError.args("req.HandleResult != -1/1"));
      };
    });
  }

  /**
   * The friendship is stored before the request is marked agreed: a failure in between leaves the request pending,
   * and answering it again completes the rest.
   */
  private Mono<Void> agree(Operator operator, RespondFriendApplyReq body) {
    String from = body.getFromUserID();
    String to = body.getToUserID();
    return pending(from, to, ImError.args("the friend request has been processed")).flatMap(found -> {
      long now = clock.millis();
      List<Friend> rows = List.of(
          Friend.added(to, from, Friend.ADD_BY_APPLY, from, now),
          Friend.added(from, to, Friend.ADD_BY_APPLY, from, now));
      return friendships.befriend(rows)
          .then(requests.handle(from, to, FriendApplication.AGREED, operator.userID(), nonEmpty(body.getHandleMsg()),
              now))
          .flatMap(handled -> handled
              ? requests.handle(to, from, FriendApplication.AGREED, operator.userID(), null, now)
              : Mono.error(ImError.args("the friend request has been processed")))
          .then(handledRequest(from, to))
          .flatMap(handled -> notifier.approved(from, to, body.getHandleMsg(), handled));
    });
  }

  private Mono<Void> refuse(RespondFriendApplyReq body) {
    String from = body.getFromUserID();
    String to = body.getToUserID();
    ImError handledAlready = new ImError(ErrorKind.FRIEND_REQUEST_HANDLED, "the friend request has been processed");
    return pending(from, to, handledAlready)
        .flatMap(found -> requests.handle(from, to, FriendApplication.REFUSED, null, nonEmpty(body.getHandleMsg()),
            clock.millis()))
        .flatMap(handled -> handled ? handledRequest(from, to) : Mono.error(handledAlready))
        .flatMap(handled -> notifier.rejected(from, to, body.getHandleMsg(), handled));
  }

  private Mono<FriendApplication> pending(String from, String to, ImError handledAlready) {
    return requests.find(from, to)
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.RECORD_NOT_FOUND, "friend request not found")))
        .flatMap(found -> found.isPending() ? Mono.just(found) : Mono.error(handledAlready));
  }

  private Mono<FriendRequest> handledRequest(String from, String to) {
    return requests.find(from, to).flatMap(views::request);
  }

  /** §3: requests the user received, newest first, {@code FriendRequests} with a capital F. */
  Mono<GetPaginationFriendsApplyToResp> received(ApiRequest<GetPaginationFriendsApplyToReq> request) {
    return Mono.defer(() -> {
      GetPaginationFriendsApplyToReq body = request.body();
      require(!body.getUserID().isEmpty(), "userID is empty");
      Paging paging = Paging.required(body.hasPagination(), body.getPagination());
      request.operator().requireSelfOrAdmin(body.getUserID());
      return page(requests.receivedBy(body.getUserID()), body.getHandleResultsList(), paging)
          .map(page -> GetPaginationFriendsApplyToResp.newBuilder()
              .addAllFriendRequests(page.items())
              .setTotal(page.total())
              .build());
    });
  }

  /** §4: requests the user sent, newest first. */
  Mono<GetPaginationFriendsApplyFromResp> sent(ApiRequest<GetPaginationFriendsApplyFromReq> request) {
    return Mono.defer(() -> {
      GetPaginationFriendsApplyFromReq body = request.body();
      require(!body.getUserID().isEmpty(), "userID is empty");
      Paging paging = Paging.required(body.hasPagination(), body.getPagination());
      request.operator().requireSelfOrAdmin(body.getUserID());
      return page(requests.sentBy(body.getUserID()), body.getHandleResultsList(), paging)
          .map(page -> GetPaginationFriendsApplyFromResp.newBuilder()
              .addAllFriendRequests(page.items())
              .setTotal(page.total())
              .build());
    });
  }

  /** §5: the requests between the two users in either direction. */
  Mono<GetDesignatedFriendsApplyResp> designated(ApiRequest<GetDesignatedFriendsApplyReq> request) {
    return Mono.defer(() -> {
      GetDesignatedFriendsApplyReq body = request.body();
      require(!body.getFromUserID().isEmpty(), "ownerUserID is empty");
      require(!body.getToUserID().isEmpty(), "toUserID is empty");
      request.operator().requireEitherOrAdmin(body.getFromUserID(), body.getToUserID());
      return requests.between(body.getFromUserID(), body.getToUserID())
          .flatMap(views::requests)
          .map(found -> GetDesignatedFriendsApplyResp.newBuilder().addAllFriendRequests(found).build());
    });
  }

  /** §6: pending requests received, created after {@code time} when it is given. */
  Mono<GetSelfUnhandledApplyCountResp> unhandledCount(ApiRequest<GetSelfUnhandledApplyCountReq> request) {
    return Mono.defer(() -> {
      GetSelfUnhandledApplyCountReq body = request.body();
      request.operator().requireSelfOrAdmin(body.getUserID());
      long after = body.getTime();
      return requests.receivedBy(body.getUserID())
          .map(received -> received.stream()
              .filter(FriendApplication::isPending)
              .filter(pending -> after == 0 || pending.createTime() > after)
              .count())
          .map(count -> GetSelfUnhandledApplyCountResp.newBuilder().setCount(count).build());
    });
  }

  private record Page(List<FriendRequest> items, int total) {}

  private Mono<Page> page(Mono<List<FriendApplication>> all, List<Integer> handleResults, Paging paging) {
    return all.flatMap(found -> {
      // Latest added first, so requests made within the same millisecond are newest first too.
      List<FriendApplication> latestFirst = new ArrayList<>(found);
      Collections.reverse(latestFirst);
      List<FriendApplication> matching = latestFirst.stream()
          .filter(item -> handleResults.isEmpty() || handleResults.contains(item.handleResult()))
          .sorted(Comparator.comparingLong(FriendApplication::createTime).reversed())
          .toList();
      return views.requests(paging.slice(matching)).map(items -> new Page(items, matching.size()));
    });
  }

  private static @Nullable String nonEmpty(String value) {
    return value.isEmpty() ? null : value;
  }
}
