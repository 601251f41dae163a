package io.imflux.user.account;

import com.mongodb.client.model.Updates;
import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.proto.user.AddNotificationAccountReq;
import io.imflux.proto.user.AddNotificationAccountResp;
import io.imflux.proto.user.UpdateNotificationAccountInfoReq;
import io.imflux.user.User;
import io.imflux.user.UserIds;
import io.imflux.user.UserStore;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Creating and renaming notification accounts (spec/api-auth-user.md §23–24): regular user records with
 * {@code appMangerLevel} 3 (notification account) or 4 (robot). Searching is {@link NotificationAccountSearch}.
 */
@Service
class NotificationAccountService {

  private final UserStore users;

  NotificationAccountService(UserStore users) {
    this.users = users;
  }

  Mono<AddNotificationAccountResp> add(ApiRequest<AddNotificationAccountReq> request) {
    return Mono.defer(() -> {
      AddNotificationAccountReq req = request.body();
      if (req.getNickName().isEmpty()) {
        throw ImError.args("nickName is empty");
      }
      request.operator().requireAdmin();
      if (req.getAppMangerLevel() < User.LEVEL_NOTIFICATION_ACCOUNT) {
        throw ImError.args("app level not supported");
      }
      Mono<String> created = req.getUserID().isEmpty() ? createWithGeneratedId(req, 1) : createWithGivenId(req);
      return created.map(userID -> AddNotificationAccountResp.newBuilder()
          .setUserID(userID)
          .setFaceURL(req.getFaceURL())
          .setNickName(req.getNickName())
          .setAppMangerLevel(req.getAppMangerLevel())
          .build());
    });
  }

  /** No notification and no friend/group fan-out, as in the reference; the target's level is not checked either. */
  Mono<Void> update(ApiRequest<UpdateNotificationAccountInfoReq> request) {
    return Mono.defer(() -> {
      UpdateNotificationAccountInfoReq req = request.body();
      if (req.getUserID().isEmpty()) {
        throw ImError.args("userID is empty");
      }
      if (req.getFaceURL().isEmpty() && req.getNickName().isEmpty()) {
        throw ImError.args("faceURL and nickName is empty at the same");
      }
      request.operator().requireAdmin();
      List<Bson> updates = new ArrayList<>(2);
      if (!req.getNickName().isEmpty()) {
        updates.add(Updates.set("nickname", req.getNickName()));
      }
      if (!req.getFaceURL().isEmpty()) {
        updates.add(Updates.set("faceURL", req.getFaceURL()));
      }
      // The reference answers a missing user with a bare 1001 here (spec/api-auth-user.md §24).
      return users.update(req.getUserID(), updates)
          .switchIfEmpty(Mono.error(() -> ImError.args("")))
          .then();
    });
  }

  private Mono<String> createWithGivenId(AddNotificationAccountReq req) {
    String userID = req.getUserID();
    // The reference does not check given IDs here; the registration rule keeps other stores' keys unambiguous.
    if (!UserIds.isLegal(userID)) {
      return Mono.error(ImError.args("userID is legal"));
    }
    return users.find(userID)
        .flatMap(existing -> Mono.<String>error(userIdUsed()))
        .switchIfEmpty(Mono.defer(() -> users.insertAll(List.of(account(userID, req))).thenReturn(userID)))
        // Created by someone else between our look and our insert.
        .onErrorMap(e -> e instanceof ImError error && error.kind() == ErrorKind.REGISTERED_ALREADY, e -> userIdUsed());
  }

  private Mono<String> createWithGeneratedId(AddNotificationAccountReq req, int attempt) {
    String userID = NotificationAccountIds.generate();
    return users.insertAll(List.of(account(userID, req)))
        .thenReturn(userID)
        .onErrorResume(e -> e instanceof ImError error && error.kind() == ErrorKind.REGISTERED_ALREADY,
            e -> attempt < NotificationAccountIds.MAX_ATTEMPTS
                ? createWithGeneratedId(req, attempt + 1)
                : Mono.error(new ImError(ErrorKind.INTERNAL, "no free notification account ID after "
                    + NotificationAccountIds.MAX_ATTEMPTS + " attempts")));
  }

  private static User account(String userID, AddNotificationAccountReq req) {
    return new User(userID, req.getNickName(), req.getFaceURL(), "", System.currentTimeMillis(),
        req.getAppMangerLevel(), 0);
  }

  private static ImError userIdUsed() {
    return ImError.args("userID is used");
  }
}
