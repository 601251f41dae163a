package io.imflux.user;

import com.mongodb.client.model.Updates;
import io.imflux.auth.AdminUsers;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Creates each configured admin user that does not exist yet (level 2, nickname from the configuration) and
 * re-syncs a changed nickname (spec/common.md §4.4). Runs while the context starts, before any request is served.
 */
@Component
class AdminAccountsBootstrap implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(AdminAccountsBootstrap.class);

  private final AdminUsers admins;
  private final UserStore users;

  AdminAccountsBootstrap(AdminUsers admins, UserStore users) {
    this.admins = admins;
    this.users = users;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> ids = admins.userIDs();
    Flux.range(0, ids.size())
        .concatMap(i -> {
          String id = ids.get(i);
          String nickname = admins.nickname(i);
          return users.find(id)
              .flatMap(existing -> existing.nickname().equals(nickname)
                  ? reactor.core.publisher.Mono.just(existing)
                  : users.update(id, List.of(Updates.set("nickname", nickname))))
              .switchIfEmpty(reactor.core.publisher.Mono.defer(() -> {
                log.info("Creating admin user {}", id);
                User admin = new User(id, nickname, "", "", System.currentTimeMillis(), User.LEVEL_APP_ADMIN, 0);
                return users.insertAll(List.of(admin)).thenReturn(admin);
              }));
        })
        .then()
        .block(Duration.ofSeconds(30));
  }
}
