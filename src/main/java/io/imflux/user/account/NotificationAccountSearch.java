package io.imflux.user.account;

import com.mongodb.client.model.Filters;
import io.imflux.api.ApiRequest;
import io.imflux.api.Paging;
import io.imflux.auth.AdminUsers;
import io.imflux.proto.user.NotificationAccountInfo;
import io.imflux.proto.user.SearchNotificationAccountReq;
import io.imflux.proto.user.SearchNotificationAccountResp;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code /user/search_notification_account} (spec/api-auth-user.md §25): an exact ID or nickname, or a level, then
 * paged in memory as the reference does. Admin-only and rare, so scanning users by nickname or level is acceptable.
 */
@Service
class NotificationAccountSearch {

  private final UserStore users;
  private final AdminUsers admins;

  NotificationAccountSearch(UserStore users, AdminUsers admins) {
    this.users = users;
    this.admins = admins;
  }

  Mono<SearchNotificationAccountResp> search(ApiRequest<SearchNotificationAccountReq> request) {
    return Mono.defer(() -> {
      SearchNotificationAccountReq req = request.body();
      Paging paging = Paging.required(req.hasPagination(), req.getPagination());
      request.operator().requireAdmin();
      Predicate<User> eligible = eligible(req);
      return candidates(req, eligible)
          .filter(eligible)
          .collectList()
          .map(accounts -> page(accounts, paging));
    });
  }

  private Flux<User> candidates(SearchNotificationAccountReq req, Predicate<User> eligible) {
    String keyword = req.getKeyword();
    if (!keyword.isEmpty()) {
      Flux<User> byNickname = Flux.defer(() -> users.findMatching(Filters.eq("nickname", keyword)));
      return users.find(keyword)
          .filter(eligible)
          .flux()
          .switchIfEmpty(byNickname);
    }
    if (req.hasAppManagerLevel()) {
      return users.findMatching(Filters.eq("appMangerLevel", req.getAppManagerLevel()));
    }
    return users.findMatching(Filters.gte("appMangerLevel", User.LEVEL_NOTIFICATION_ACCOUNT));
  }

  private Predicate<User> eligible(SearchNotificationAccountReq req) {
    Predicate<User> account = user -> user.isAppAccount() && !admins.isAdmin(user.userID());
    return req.hasAppManagerLevel()
        ? account.and(user -> user.appMangerLevel() == req.getAppManagerLevel())
        : account;
  }

  private static SearchNotificationAccountResp page(List<User> accounts, Paging paging) {
    SearchNotificationAccountResp.Builder resp = SearchNotificationAccountResp.newBuilder().setTotal(accounts.size());
    paging.slice(accounts).stream()
        .map(user -> NotificationAccountInfo.newBuilder()
            .setUserID(user.userID())
            .setFaceURL(user.faceURL())
            .setNickName(user.nickname())
            .setAppMangerLevel(user.appMangerLevel())
            .build())
        .forEach(resp::addNotificationAccounts);
    return resp.build();
  }
}
