package io.imflux.presence;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Platform;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/** The standalone session registry and subscription store behind {@link Presence}. */
class LocalPresenceTest {

  final LocalPresence presence = new LocalPresence();

  static Connection connection(String userID, Platform platform, String connID) {
    return new Connection(userID, platform, connID, "token-" + connID, false);
  }

  @Test
  void nobodyIsOnlineUntilAConnectionIsRegistered() {
    StepVerifier.create(presence.connections(List.of("a", "b"))).expectNext(Map.of()).verifyComplete();
    StepVerifier.create(presence.onlinePlatforms(List.of("a"))).expectNext(Map.of()).verifyComplete();
  }

  @Test
  void registeredConnectionsAreReportedPerUserAndPlatform() {
    Connection web = connection("a", Platform.WEB, "1");
    Connection android = connection("a", Platform.ANDROID, "2");
    Connection secondWeb = connection("a", Platform.WEB, "3");
    Connection other = connection("b", Platform.IOS, "1");
    StepVerifier.create(presence.register(web).then(presence.register(android)).then(presence.register(secondWeb))
            .then(presence.register(other)))
        .verifyComplete();

    StepVerifier.create(presence.connections(List.of("a", "nobody")))
        .expectNext(Map.of("a", List.of(web, android, secondWeb)))
        .verifyComplete();
    StepVerifier.create(presence.onlinePlatforms(List.of("a", "b")))
        .expectNext(Map.of("a", Set.of(Platform.ANDROID, Platform.WEB), "b", Set.of(Platform.IOS)))
        .verifyComplete();
  }

  @Test
  void registeringTheSameConnIDAgainReplacesTheConnection() {
    Connection foreground = connection("a", Platform.IOS, "1");
    Connection background = new Connection("a", Platform.IOS, "1", "token-1", true);
    StepVerifier.create(presence.register(foreground).then(presence.register(background))
            .then(presence.connections(List.of("a"))))
        .expectNext(Map.of("a", List.of(background)))
        .verifyComplete();
  }

  @Test
  void unregisteringTheLastConnectionTakesTheUserOffline() {
    StepVerifier.create(presence.register(connection("a", Platform.WEB, "1"))
            .then(presence.register(connection("a", Platform.LINUX, "2")))
            .then(presence.unregister("a", "1"))
            .then(presence.onlinePlatforms(List.of("a"))))
        .expectNext(Map.of("a", Set.of(Platform.LINUX)))
        .verifyComplete();
    StepVerifier.create(presence.unregister("a", "unknown").then(presence.unregister("nobody", "1"))
            .then(presence.unregister("a", "2"))
            .then(presence.connections(List.of("a"))))
        .expectNext(Map.of())
        .verifyComplete();
  }

  @Test
  void concurrentRegistrationsAreAllKept() {
    StepVerifier.create(Flux.range(0, 200)
            .parallel(4)
            .runOn(Schedulers.parallel())
            .flatMap(i -> presence.register(connection("a", Platform.WEB, "c" + i)))
            .sequential()
            .then(presence.connections(List.of("a"))))
        .assertNext(connections -> assertThat(connections.get("a")).hasSize(200))
        .verifyComplete();
  }

  @Test
  void subscriptionsAreSortedAndIndexedBothWays() {
    StepVerifier.create(presence.subscribe("s", List.of("c", "a", "b", "a"))
            .then(presence.subscribe("t", List.of("a")))
            .then(presence.subscriptions("s")))
        .expectNext(List.of("a", "b", "c"))
        .verifyComplete();
    StepVerifier.create(presence.subscribers("a")).expectNext(Set.of("s", "t")).verifyComplete();
    StepVerifier.create(presence.subscribers("nobody")).expectNext(Set.of()).verifyComplete();
  }

  @Test
  void unsubscribingForgetsBothDirections() {
    StepVerifier.create(presence.subscribe("s", List.of("a", "b"))
            .then(presence.unsubscribe("s", List.of("a", "never")))
            .then(presence.subscriptions("s")))
        .expectNext(List.of("b"))
        .verifyComplete();
    StepVerifier.create(presence.subscribers("a")).expectNext(Set.of()).verifyComplete();
    StepVerifier.create(presence.unsubscribe("s", List.of("b")).then(presence.subscriptions("s")))
        .expectNext(List.of())
        .verifyComplete();
  }
}
