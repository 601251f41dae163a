package io.imflux.user;

import static io.imflux.user.UserChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Paging;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.proto.user.AccountCheckReq;
import io.imflux.proto.user.AccountCheckResp;
import io.imflux.proto.user.GetAllUserIDReq;
import io.imflux.proto.user.GetAllUserIDResp;
import io.imflux.proto.user.GetDesignateUsersReq;
import io.imflux.proto.user.GetDesignateUsersResp;
import io.imflux.proto.user.GetPaginationUsersReq;
import io.imflux.proto.user.GetPaginationUsersResp;
import io.imflux.proto.user.UserRegisterReq;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Registration and lookups of users (spec/api-auth-user.md §5, §9-§12). Each route checks its arguments first
 * (1001), then the caller's permission (1002), then what is stored.
 */
@Service
public class UserService {

  /** {@code /user/get_users} shows ordinary users only: not app admins, notification accounts or robots (§12). */
  static final List<Integer> SEARCHABLE_LEVELS = List.of(0, 1);

  private final UserStore users;
  private final Clock clock;

  public UserService(UserStore users, Clock clock) {
    this.users = users;
    this.clock = clock;
  }

  /** §5: all or nothing; any registered ID fails the whole batch with 1102. */
  public Mono<Void> register(ApiRequest<UserRegisterReq> request) {
    return Mono.defer(() -> {
      require(request.has("users"), "users are empty");
      List<UserInfo> infos = request.body().getUsersList();
      for (UserInfo info : infos) {
        require(UserIds.isLegal(info.getUserID()), "userID is legal");
        require(!info.getNickname().isEmpty(), "user name is empty");
      }
      require(!infos.isEmpty(), "users are empty");
      request.operator().requireAdmin();
      List<String> userIDs = infos.stream().map(UserInfo::getUserID).toList();
      UserChecks.requireDistinct(userIDs);
      long now = clock.millis();
      List<User> batch = infos.stream().map(info -> User.fromInfo(info, now)).toList();
      // Checked first so the usual case fails without writing; insertAll still rolls back a concurrent duplicate.
      return users.existingIDs(userIDs).collectList().flatMap(existing -> existing.isEmpty()
          ? users.insertAll(batch)
          : Mono.error(new ImError(ErrorKind.REGISTERED_ALREADY, "userID registered already: " + existing)));
    });
  }

  /** §9: unknown IDs are skipped, duplicates collapse; the answer keeps the request's order. */
  public Mono<GetDesignateUsersResp> usersInfo(ApiRequest<GetDesignateUsersReq> request) {
    return Mono.defer(() -> {
      require(request.has("userIDs"), "UserIDs is empty");
      Set<String> userIDs = new LinkedHashSet<>(request.body().getUserIDsList());
      return users.findAll(userIDs).collectMap(User::userID).map(found -> GetDesignateUsersResp.newBuilder()
          .addAllUsersInfo(userIDs.stream().map(found::get).filter(Objects::nonNull).map(User::toInfo).toList())
          .build());
    });
  }

  /** §10: every user, admins and notification accounts included, in storage order. */
  public Mono<GetAllUserIDResp> allUserIDs(ApiRequest<GetAllUserIDReq> request) {
    return Mono.defer(() -> {
      GetAllUserIDReq body = request.body();
      Paging paging = Paging.required(body.hasPagination(), body.getPagination());
      Flux<String> page = paging.isEmpty() ? Flux.empty() : users.pageIDs(paging.skip(), paging.limit());
      return Mono.zip(users.countAll(), page.collectList())
          .map(result -> GetAllUserIDResp.newBuilder()
              .setTotal(clampToInt(result.getT1()))
              .addAllUserIDs(result.getT2())
              .build());
    });
  }

  /** §11: one result per requested ID, in request order. */
  public Mono<AccountCheckResp> accountCheck(ApiRequest<AccountCheckReq> request) {
    return Mono.defer(() -> {
      require(request.has("checkUserIDs"), "CheckUserIDs is empty");
      List<String> userIDs = request.body().getCheckUserIDsList();
      UserChecks.requireDistinct(userIDs);
      request.operator().requireAdmin();
      return users.existingIDs(userIDs).collect(HashSet<String>::new, Set::add).map(registered -> {
        AccountCheckResp.Builder response = AccountCheckResp.newBuilder();
        userIDs.forEach(userID -> response.addResults(AccountCheckResp.SingleUserStatus.newBuilder()
            .setUserID(userID)
            .setAccountStatus(registered.contains(userID) ? 1 : 0)));
        return response.build();
      });
    });
  }

  /** §12: ordinary users whose ID or nickname matches the case-insensitive patterns, in storage order. */
  public Mono<GetPaginationUsersResp> searchUsers(ApiRequest<GetPaginationUsersReq> request) {
    return Mono.defer(() -> {
      GetPaginationUsersReq body = request.body();
      Paging paging = Paging.required(body.hasPagination(), body.getPagination());
      UserChecks.requireRegex(body.getUserID(), "userID");
      UserChecks.requireRegex(body.getNickName(), "nickName");
      UserSearch search = new UserSearch(SEARCHABLE_LEVELS, body.getUserID(), body.getNickName());
      Flux<User> page = paging.isEmpty() ? Flux.empty() : users.pageMatching(search, paging.skip(), paging.limit());
      return Mono.zip(users.countMatching(search), page.map(User::toInfo).collectList())
          .map(result -> GetPaginationUsersResp.newBuilder()
              .setTotal(clampToInt(result.getT1()))
              .addAllUsers(result.getT2())
              .build());
    });
  }

  /** {@code total} is an int32 on the wire. */
  static int clampToInt(long count) {
    return (int) Math.min(count, Integer.MAX_VALUE);
  }
}
