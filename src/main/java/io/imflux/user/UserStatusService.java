package io.imflux.user;

import static io.imflux.user.UserChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Platform;
import io.imflux.presence.Connection;
import io.imflux.presence.Presence;
import io.imflux.proto.msggateway.GetUsersOnlineStatusReq;
import io.imflux.proto.msggateway.OnlinePlatformDetail;
import io.imflux.proto.msggateway.SingleDetail;
import io.imflux.proto.msggateway.SinglePlatformToken;
import io.imflux.proto.msggateway.UserOnlineStatusResult;
import io.imflux.proto.user.GetSubscribeUsersStatusReq;
import io.imflux.proto.user.GetSubscribeUsersStatusResp;
import io.imflux.proto.user.GetUserStatusReq;
import io.imflux.proto.user.GetUserStatusResp;
import io.imflux.proto.user.OnlineStatus;
import io.imflux.proto.user.SubscribeOrCancelUsersStatusReq;
import io.imflux.proto.user.SubscribeOrCancelUsersStatusResp;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** Online status and status subscriptions (spec/api-auth-user.md §13-§17), read from the {@link Presence} port. */
@Service
public class UserStatusService {

  static final int GENRE_SUBSCRIBE = 1;
  static final int GENRE_UNSUBSCRIBE = 2;
  /** Most IDs one {@code /user/subscribe_users_status} call may name (§15). */
  static final int MAX_SUBSCRIBE_BATCH = 1000;
  /** Most users one user may follow in all, so the subscriptions kept in memory stay bounded (our decision). */
  static final int MAX_SUBSCRIPTIONS = 10_000;

  private final Presence presence;
  private final UserStore users;
  private final Dialect dialect;

  public UserStatusService(Presence presence, UserStore users, Dialect dialect) {
    this.presence = presence;
    this.users = users;
    this.dialect = dialect;
  }

  /** §13: admin; one result per requested ID in request order, with the details of each connection. */
  public Mono<List<UserOnlineStatusResult>> onlineStatus(ApiRequest<GetUsersOnlineStatusReq> request) {
    return Mono.defer(() -> {
      request.operator().requireAdmin();
      List<String> userIDs = request.body().getUserIDsList();
      return presence.connections(userIDs).map(connections -> userIDs.stream().map(userID -> {
        List<Connection> online = connections.getOrDefault(userID, List.of());
        UserOnlineStatusResult.Builder result = UserOnlineStatusResult.newBuilder()
            .setUserID(userID)
            .setStatus(online.isEmpty() ? 0 : 1);
        online.forEach(connection -> result.addDetailPlatformStatus(OnlinePlatformDetail.newBuilder()
            .setPlatformID(dialect.platformId(connection.platform()))
            .setConnID(connection.connID())
            .setIsBackground(connection.background())
            .setToken(connection.token())));
        return result.build();
      }).toList());
    });
  }

  /** §14: online users only, their tokens per platform; a non-admin learns nothing, as in the reference. */
  public Mono<List<SingleDetail>> onlineTokenDetail(ApiRequest<GetUsersOnlineStatusReq> request) {
    return Mono.defer(() -> {
      if (!request.operator().admin()) {
        return Mono.just(List.<SingleDetail>of());
      }
      Set<String> userIDs = new LinkedHashSet<>(request.body().getUserIDsList());
      return presence.connections(userIDs).map(connections -> userIDs.stream()
          .filter(connections::containsKey)
          .map(userID -> tokenDetail(userID, connections.get(userID)))
          .toList());
    });
  }

  /** §15: self/admin; genre 1 answers the followed users' current status, genre 2 an empty list. */
  public Mono<SubscribeOrCancelUsersStatusResp> subscribe(ApiRequest<SubscribeOrCancelUsersStatusReq> request) {
    return Mono.defer(() -> {
      SubscribeOrCancelUsersStatusReq body = request.body();
      require(!body.getUserID().isEmpty(), "UserID is empty");
      require(request.has("userIDs"), "subscription User-list is empty");
      require(body.getGenre() == GENRE_SUBSCRIBE || body.getGenre() == GENRE_UNSUBSCRIBE,
          "invalid subscription type parameter");
      require(body.getUserIDsCount() <= MAX_SUBSCRIBE_BATCH,
          "at most " + MAX_SUBSCRIBE_BATCH + " users can be subscribed at once");
      request.operator().requireSelfOrAdmin(body.getUserID());
      String subscriberID = body.getUserID();
      List<String> userIDs = body.getUserIDsList();
      Mono<Void> change = body.getGenre() == GENRE_UNSUBSCRIBE
          ? presence.unsubscribe(subscriberID, userIDs)
          : presence.subscriptions(subscriberID).flatMap(current -> {
            Set<String> after = new LinkedHashSet<>(current);
            after.addAll(userIDs);
            return after.size() > MAX_SUBSCRIPTIONS
                ? Mono.error(ImError.args("a user can subscribe to at most " + MAX_SUBSCRIPTIONS + " users"))
                : presence.subscribe(subscriberID, userIDs);
          });
      Mono<List<OnlineStatus>> answer = body.getGenre() == GENRE_UNSUBSCRIBE
          ? Mono.just(List.of())
          : statuses(userIDs);
      return requireUser(subscriberID)
          .then(change)
          .then(answer)
          .map(list -> SubscribeOrCancelUsersStatusResp.newBuilder().addAllStatusList(list).build());
    });
  }

  /** §16: any caller; one status per requested ID, duplicates repeated, unknown users offline. */
  public Mono<GetUserStatusResp> usersStatus(ApiRequest<GetUserStatusReq> request) {
    return Mono.defer(() -> {
      require(request.body().getUserIDsCount() > 0, "UserIDs is empty");
      return statuses(request.body().getUserIDsList())
          .map(list -> GetUserStatusResp.newBuilder().addAllStatusList(list).build());
    });
  }

  /** §17: self/admin; the status of every user {@code userID} follows, ordered by user ID. */
  public Mono<GetSubscribeUsersStatusResp> subscribedStatus(ApiRequest<GetSubscribeUsersStatusReq> request) {
    return Mono.defer(() -> {
      String subscriberID = request.body().getUserID();
      require(!subscriberID.isEmpty(), "UserID is empty");
      request.operator().requireSelfOrAdmin(subscriberID);
      return presence.subscriptions(subscriberID)
          .flatMap(this::statuses)
          .map(list -> GetSubscribeUsersStatusResp.newBuilder().addAllStatusList(list).build());
    });
  }

  /** Subscriptions belong to a user, so one that does not exist cannot subscribe (our decision). */
  private Mono<Void> requireUser(String userID) {
    return users.existingIDs(List.of(userID)).hasElements().flatMap(exists -> exists
        ? Mono.empty()
        : Mono.error(new ImError(ErrorKind.USER_NOT_FOUND, "user " + userID + " not found")));
  }

  private Mono<List<OnlineStatus>> statuses(List<String> userIDs) {
    return presence.onlinePlatforms(userIDs).map(online -> userIDs.stream()
        .map(userID -> status(userID, online.getOrDefault(userID, Set.of())))
        .toList());
  }

  private OnlineStatus status(String userID, Collection<Platform> platforms) {
    return OnlineStatus.newBuilder()
        .setUserID(userID)
        .setStatus(platforms.isEmpty() ? 0 : 1)
        .addAllPlatformIDs(platforms.stream().map(dialect::platformId).sorted().toList())
        .build();
  }

  private SingleDetail tokenDetail(String userID, List<Connection> connections) {
    Map<Platform, SinglePlatformToken.Builder> byPlatform = new EnumMap<>(Platform.class);
    for (Connection connection : connections) {
      SinglePlatformToken.Builder entry = byPlatform.computeIfAbsent(connection.platform(),
          platform -> SinglePlatformToken.newBuilder().setPlatformID(dialect.platformId(platform)));
      entry.addToken(connection.token()).setTotal(entry.getTokenCount());
    }
    SingleDetail.Builder detail = SingleDetail.newBuilder().setUserID(userID).setStatus(1);
    byPlatform.values().forEach(detail::addSinglePlatformToken);
    return detail.build();
  }
}
