package io.imflux.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Platform;
import io.imflux.cluster.TokenStore.StoredToken;
import io.imflux.cluster.mongo.TokenBackup;
import io.imflux.cluster.mongo.TokenBackup.SavedTokens;
import io.imflux.testing.ApiClient;
import io.imflux.testing.EmbeddedStore;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The durable copy of the standalone tokens, on the real embedded store. */
class TokenBackupTest {

  @RegisterExtension
  static final EmbeddedStore STORE = new EmbeddedStore();

  static final Duration TIMEOUT = Duration.ofSeconds(30);

  final TokenBackup backup = new TokenBackup(STORE.database());

  @Test
  void anOlderStateSavedAfterANewerOneNeverReplacesIt() {
    String user = ApiClient.uniqueId("u");

    Mono.when(backup.save(user, 7, tokens("newest")), backup.save(user, 3, tokens("older"))).block(TIMEOUT);

    assertThat(saved(user).version()).isEqualTo(7);
    assertThat(saved(user).byPlatform().get(Platform.ANDROID)).extracting(StoredToken::token).containsExactly("newest");
  }

  @Test
  void concurrentSavesOfOneUserEndWithTheHighestVersion() {
    String user = ApiClient.uniqueId("u");

    Flux.range(1, 200)
        .flatMap(version -> backup.save(user, version, tokens("t" + version)).subscribeOn(Schedulers.parallel()))
        .blockLast(TIMEOUT);

    assertThat(saved(user).version()).isEqualTo(200);
    assertThat(saved(user).byPlatform().get(Platform.ANDROID)).extracting(StoredToken::token).containsExactly("t200");
  }

  @Test
  void everyUserKeepsItsOwnDocument() {
    List<String> users = IntStream.range(0, 50).mapToObj(i -> ApiClient.uniqueId("m")).toList();

    Flux.fromIterable(users).flatMap(user -> backup.save(user, 1, tokens(user + "-token"))).blockLast(TIMEOUT);

    for (String user : users) {
      assertThat(saved(user).byPlatform().get(Platform.ANDROID)).extracting(StoredToken::token)
          .containsExactly(user + "-token");
    }
  }

  private SavedTokens saved(String userID) {
    return backup.loadAll().filter(saved -> saved.userID().equals(userID)).single().block(TIMEOUT);
  }

  private static Map<Platform, Map<String, StoredToken>> tokens(String token) {
    Map<Platform, Map<String, StoredToken>> byPlatform = new EnumMap<>(Platform.class);
    byPlatform.put(Platform.ANDROID, Map.of(token,
        new StoredToken(token, TokenState.NORMAL, Instant.parse("2030-01-01T00:00:00Z"))));
    return byPlatform;
  }
}
