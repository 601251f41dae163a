package io.imflux.user;

import static io.imflux.user.UserChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationSender;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.proto.sdkws.UserInfoUpdatedTips;
import io.imflux.proto.sdkws.UserInfoWithEx;
import io.imflux.proto.user.SetGlobalRecvMessageOptReq;
import io.imflux.proto.user.UpdateUserInfoExReq;
import io.imflux.proto.user.UpdateUserInfoReq;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Changes to a user's own profile (spec/api-auth-user.md §6-§8): save, then tell the user's devices (1303) and the
 * {@link UserProfileListener}s. What follows the save never fails the request: the change is stored by then.
 */
@Service
public class UserProfileService {

  private static final Logger log = LoggerFactory.getLogger(UserProfileService.class);

  /** A listener that fails is tried this many more times, with backoff from {@link #RETRY_BACKOFF}. */
  static final int LISTENER_RETRIES = 3;
  static final Duration RETRY_BACKOFF = Duration.ofMillis(100);

  private final UserStore users;
  private final NotificationSender notifications;
  private final List<UserProfileListener> listeners;

  public UserProfileService(UserStore users, NotificationSender notifications, List<UserProfileListener> listeners) {
    this.users = users;
    this.notifications = notifications;
    this.listeners = List.copyOf(listeners);
  }

  /** §6 (legacy): only non-empty strings and a non-zero option are set; {@code appMangerLevel} is ignored. */
  public Mono<Void> updateInfo(ApiRequest<UpdateUserInfoReq> request) {
    return Mono.defer(() -> {
      require(request.body().hasUserInfo(), "UserInfo is empty");
      UserInfo info = request.body().getUserInfo();
      require(!info.getUserID().isEmpty(), "UserID is empty");
      UserPatch patch = new UserPatch(
          nonEmpty(info.getNickname()),
          nonEmpty(info.getFaceURL()),
          nonEmpty(info.getEx()),
          info.getGlobalRecvMsgOpt() == 0 ? null : info.getGlobalRecvMsgOpt());
      return save(request.operator(), info.getUserID(), patch);
    });
  }

  /** §7: every field present in the request is set, empty strings included. */
  public Mono<Void> updateInfoEx(ApiRequest<UpdateUserInfoExReq> request) {
    return Mono.defer(() -> {
      require(request.body().hasUserInfo(), "userInfo is empty");
      UserInfoWithEx info = request.body().getUserInfo();
      require(!info.getUserID().isEmpty(), "userID is empty");
      UserPatch patch = new UserPatch(
          info.hasNickname() ? info.getNickname().getValue() : null,
          info.hasFaceURL() ? info.getFaceURL().getValue() : null,
          info.hasEx() ? info.getEx().getValue() : null,
          info.hasGlobalRecvMsgOpt() ? info.getGlobalRecvMsgOpt().getValue() : null);
      return save(request.operator(), info.getUserID(), patch);
    });
  }

  /** §8: self/admin, where the reference lets anyone switch off anyone's messages (our decision). */
  public Mono<Void> setGlobalRecvMsgOpt(ApiRequest<SetGlobalRecvMessageOptReq> request) {
    return Mono.defer(() -> {
      SetGlobalRecvMessageOptReq body = request.body();
      require(!body.getUserID().isEmpty(), "UserID is empty");
      int option = body.getGlobalRecvMsgOpt();
      require(option >= 0 && option <= 2, "GlobalRecvMsgOpt is invalid");
      return save(request.operator(), body.getUserID(), new UserPatch(null, null, null, option));
    });
  }

  private Mono<Void> save(Operator operator, String userID, UserPatch patch) {
    operator.requireSelfOrAdmin(userID);
    return users.patch(userID, patch)
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "user " + userID + " not found")))
        .flatMap(before -> notifyUpdated(operator.userID(), userID)
            .then(tellListeners(operator.userID(), userID, patch.changesNameOrFace(before))));
  }

  /** 1303 from the operator to the changed user, even when nothing changed (§6). */
  private Mono<Void> notifyUpdated(String opUserID, String userID) {
    UserInfoUpdatedTips tips = UserInfoUpdatedTips.newBuilder().setUserID(userID).build();
    return notifications.send(Notification.toUser(NotificationTypes.USER_INFO_UPDATED, opUserID, userID, tips))
        .onErrorResume(error -> {
          log.warn("1303 to {} not sent", userID, error);
          return Mono.empty();
        });
  }

  private Mono<Void> tellListeners(String opUserID, String userID, boolean nameOrFaceChanged) {
    return Flux.fromIterable(listeners)
        .concatMap(listener -> Mono.defer(() -> listener.onProfileChanged(opUserID, userID, nameOrFaceChanged))
            .retryWhen(Retry.backoff(LISTENER_RETRIES, RETRY_BACKOFF))
            .onErrorResume(error -> {
              log.error("{} failed on the profile change of {}", listener.getClass().getName(), userID, error);
              return Mono.empty();
            }))
        .then();
  }

  private static @Nullable String nonEmpty(String value) {
    return value.isEmpty() ? null : value;
  }
}
