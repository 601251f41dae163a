package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static io.imflux.msg.read.ReadFixture.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.gateway.codec.Resp;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.proto.sdkws.SubUserOnlineStatus;
import io.imflux.proto.sdkws.SubUserOnlineStatusElem;
import io.imflux.proto.sdkws.SubUserOnlineStatusTips;
import io.imflux.testing.ApiClient;
import io.imflux.testing.GatewayClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Online status (spec/gateway.md §17, spec/api-auth-user.md §13-§17): the user routes report live connections, and
 * subscribers get 2005 whenever a user's set of platforms changes. Platform numbers are the dialect's.
 */
abstract class OnlineStatusContract {

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  GatewayFixture fixture;
  ApiClient api;
  String alice;
  String bob;
  String carol;

  abstract int linux();

  @BeforeEach
  void users() {
    fixture = new GatewayFixture(apiPort, gateway.port());
    api = fixture.api;
    List<String> users = fixture.users("online", 3);
    alice = users.get(0);
    bob = users.get(1);
    carol = users.get(2);
  }

  @Test
  void theUserRoutesReportLiveConnectionsAndForgetClosedOnes() {
    GatewayClient linux = fixture.connect(alice, linux());
    try (GatewayClient android = fixture.connect(alice, ANDROID)) {
      JsonNode status = api.ok("/user/get_users_online_status", api.adminToken(), Map.of("userIDs", List.of(alice)))
          .get(0);
      assertThat(status.get("status").asInt()).isEqualTo(1);
      assertThat(status.get("detailPlatformStatus").values().stream().map(d -> d.get("platformID").asInt()))
          .containsExactlyInAnyOrder(linux(), ANDROID);
      assertThat(status.get("detailPlatformStatus").get(0).get("connID").asString()).matches("[0-9a-f]{32}");
      assertThat(status.get("detailPlatformStatus").get(0).get("isBackground").asBoolean()).isFalse();
      assertThat(platforms(alice)).containsExactly(Math.min(ANDROID, linux()), Math.max(ANDROID, linux()));
      JsonNode tokens = api.ok("/user/get_users_online_token_detail", api.adminToken(),
          Map.of("userIDs", List.of(alice, bob))).get(0);
      assertThat(tokens.get("userID").asString()).isEqualTo(alice);
      assertThat(tokens.get("singlePlatformToken").size()).isEqualTo(2);
      linux.close();
      eventually(() -> platforms(alice).equals(List.of(ANDROID)));
    }
    eventually(() -> platforms(alice).isEmpty());
    JsonNode offline = api.ok("/user/get_users_online_status", api.adminToken(), Map.of("userIDs", List.of(alice)))
        .get(0);
    assertThat(offline.get("status").asInt()).isZero();
  }

  /** An app that says it is in the background at connect starts so (our decision, §20 Q2). */
  @Test
  void isBackgroundAtConnectIsHonoured() {
    Map<String, String> query = GatewayClient.sdkParameters(alice, fixture.token(alice, ANDROID), ANDROID);
    query.put("isBackground", "true");
    try (GatewayClient client = GatewayClient.connect(gateway.port(), "/", GatewayClient.query(query), alice,
        io.imflux.gateway.codec.FrameFormat.GOB_GZIP).sync()) {
      JsonNode detail = api.ok("/user/get_users_online_status", api.adminToken(), Map.of("userIDs", List.of(alice)))
          .get(0).get("detailPlatformStatus").get(0);
      assertThat(detail.get("isBackground").asBoolean()).isTrue();
    }
  }

  @Test
  void connectionSubscriptionsGet2005WhenThePlatformSetChanges() {
    try (GatewayClient watcher = fixture.connect(bob, ANDROID)) {
      SubUserOnlineStatusTips now = watcher.call(2005, SubUserOnlineStatus.newBuilder()
          .addSubscribeUserID(alice).addSubscribeUserID(carol).build(), SubUserOnlineStatusTips.parser());
      assertThat(now.getSubscribersList()).containsExactly(element(alice), element(carol));

      GatewayClient aliceLinux = fixture.connect(alice, linux());
      assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(alice, linux()));
      try (GatewayClient aliceAndroid = fixture.connect(alice, ANDROID)) {
        assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(alice, ANDROID, linux()));
        // A second connection on a platform already online changes nothing: no 2005 (carol's comes first).
        try (GatewayClient again = fixture.connect(alice, ANDROID);
            GatewayClient carolOnline = fixture.connect(carol, ANDROID)) {
          assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(carol, ANDROID));
        }
        assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(carol));
      }
      assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(alice, linux()));
      aliceLinux.close();
      assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(alice));

      SubUserOnlineStatusTips cancelled = watcher.call(2005, SubUserOnlineStatus.newBuilder()
          .addUnsubscribeUserID(alice).build(), SubUserOnlineStatusTips.parser());
      assertThat(cancelled.getSubscribersList()).isEmpty();
      try (GatewayClient ignored = fixture.connect(alice, ANDROID);
          GatewayClient carolOnline = fixture.connect(carol, ANDROID)) {
        assertThat(tips(watcher.awaitPush(2005))).isEqualTo(element(carol, ANDROID));
      }
    }
  }

  /** User-level subscriptions (api-auth-user.md §15) reach every connection of the subscriber. */
  @Test
  void httpSubscriptionsReachEveryConnectionOfTheSubscriber() {
    api.ok("/user/subscribe_users_status", fixture.token(bob, ANDROID),
        Map.of("userID", bob, "userIDs", List.of(alice), "genre", 1));
    try (GatewayClient bobAndroid = fixture.connect(bob, ANDROID);
        GatewayClient bobLinux = fixture.connect(bob, linux())) {
      try (GatewayClient aliceAndroid = fixture.connect(alice, ANDROID)) {
        assertThat(tips(bobAndroid.awaitPush(2005))).isEqualTo(element(alice, ANDROID));
        assertThat(tips(bobLinux.awaitPush(2005))).isEqualTo(element(alice, ANDROID));
      }
      assertThat(tips(bobAndroid.awaitPush(2005))).isEqualTo(element(alice));
    }
  }

  @Test
  void aConnectionCannotFollowMoreThanTheLimit() {
    try (GatewayClient watcher = fixture.connect(bob, ANDROID)) {
      SubUserOnlineStatus.Builder many = SubUserOnlineStatus.newBuilder();
      for (int i = 0; i <= 10_000; i++) {
        many.addSubscribeUserID("u" + i);
      }
      Resp refused = watcher.request(2005, many.build());
      assertThat(refused.errCode()).isEqualTo(1001);
      assertThat(watcher.request(1001, GetMaxSeqReq.newBuilder().setUserID(bob).build()).errCode()).isZero();
    }
  }

  private List<Integer> platforms(String userID) {
    JsonNode status = api.ok("/user/get_users_status", api.adminToken(), Map.of("userIDs", List.of(userID)));
    return status.get("statusList").get(0).get("platformIDs").values().stream().map(JsonNode::asInt).toList();
  }

  private static SubUserOnlineStatusElem tips(Resp push) {
    SubUserOnlineStatusTips tips = GatewayClient.parse(push.data(), SubUserOnlineStatusTips.parser());
    assertThat(tips.getSubscribersCount()).isEqualTo(1);
    return tips.getSubscribers(0);
  }

  private static SubUserOnlineStatusElem element(String userID, int... platforms) {
    return SubUserOnlineStatusElem.newBuilder().setUserID(userID)
        .addAllOnlinePlatformIDs(java.util.Arrays.stream(platforms).sorted().boxed().toList()).build();
  }
}
