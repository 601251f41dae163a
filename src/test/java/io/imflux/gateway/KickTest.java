package io.imflux.gateway;

import static io.imflux.gateway.GatewayFixture.ANDROID;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.gateway.codec.FrameFormat;
import io.imflux.gateway.codec.GobGolden;
import io.imflux.gateway.codec.Resp;
import io.imflux.msg.read.ReadFixture;
import io.imflux.proto.sdkws.GetMaxSeqReq;
import io.imflux.testing.ApiClient;
import io.imflux.testing.GatewayClient;
import io.imflux.testing.ImfluxTest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Kicks (spec/gateway.md §12.2, §15) under the default policy 1, one connection per platform: a newer login on the
 * platform kicks the older connection with 2002 and invalidates its token; a forced logout does the same.
 */
@ImfluxTest
class KickTest {

  private static final int LINUX = 6;

  @LocalServerPort
  int apiPort;

  @Autowired
  GatewayServer gateway;

  GatewayFixture fixture;
  ApiClient api;
  String user;

  @BeforeEach
  void user() {
    fixture = new GatewayFixture(apiPort, gateway.port());
    api = fixture.api;
    user = fixture.users("kick", 1).get(0);
  }

  @Test
  void aNewLoginOnThePlatformKicksTheOldConnectionWith2002() {
    String first = api.userToken(user, ANDROID);
    GatewayClient old = GatewayClient.connect(gateway.port(), user, first, ANDROID).sync();
    GatewayClient otherPlatform = GatewayClient.connect(gateway.port(), user, api.userToken(user, LINUX), LINUX)
        .sync();
    String second = api.userToken(user, ANDROID);
    // Issuing the token kicked the old one in the store, but closes no connection (spec/common.md §4.3).
    assertThat(old.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
    try (GatewayClient fresh = GatewayClient.connect(gateway.port(), user, second, ANDROID).sync()) {
      Resp kick = old.awaitPush(2002);
      assertThat(kick).usingRecursiveComparison().isEqualTo(new Resp(2002, "", "", 0, "", new byte[0]));
      old.awaitClosed();
      assertThat(otherPlatform.isOpen()).isTrue();
      assertThat(fresh.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
      assertThat(GatewayClient.refusal(gateway.port(), "/", GatewayClient.sdkQuery(user, first, ANDROID)).body())
          .contains("\"errCode\":1005").contains("TokenKickedError");
    } finally {
      otherPlatform.close();
    }
  }

  /** The kick frame is the reference's bytes (§7.7) on a connection without gzip. */
  @Test
  void theKickFrameIsTheReferencesBytes() {
    Map<String, String> query = GatewayClient.sdkParameters(user, api.userToken(user, ANDROID), ANDROID);
    query.remove("compression");
    GatewayClient old = GatewayClient.connect(gateway.port(), "/", GatewayClient.query(query), user, FrameFormat.GOB)
        .sync();
    try (GatewayClient fresh = fixture.connect(user, ANDROID)) {
      byte[] frame = old.awaitResp(resp -> resp.reqIdentifier() == 2002).raw();
      assertThat(HexFormat.of().formatHex(frame)).isEqualTo(GobGolden.KICK);
      old.awaitClosed();
      assertThat(fresh.isOpen()).isTrue();
    }
  }

  /** A reconnect with the very same token is never kicked (§15): both connections stay. */
  @Test
  void theSameTokenIsNeverKicked() {
    String token = api.userToken(user, ANDROID);
    try (GatewayClient first = GatewayClient.connect(gateway.port(), user, token, ANDROID).sync();
        GatewayClient second = GatewayClient.connect(gateway.port(), user, token, ANDROID).sync()) {
      assertThat(first.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
      assertThat(first.drain()).noneMatch(received -> received.resp() != null && received.resp().reqIdentifier() == 2002);
      assertThat(second.isOpen()).isTrue();
    }
  }

  @Test
  void forceLogoutKicksTheConnectionsOfThatPlatformOnly() {
    String token = api.userToken(user, ANDROID);
    GatewayClient android = GatewayClient.connect(gateway.port(), user, token, ANDROID).sync();
    GatewayClient android2 = GatewayClient.connect(gateway.port(), user, token, ANDROID).sync();
    try (GatewayClient linux = fixture.connect(user, LINUX)) {
      api.ok("/auth/force_logout", api.adminToken(), Map.of("userID", user, "platformID", ANDROID));
      for (GatewayClient kicked : List.of(android, android2)) {
        assertThat(kicked.awaitPush(2002).data()).isEmpty();
        kicked.awaitClosed();
      }
      assertThat(linux.request(1001, GetMaxSeqReq.newBuilder().setUserID(user).build()).errCode()).isZero();
      assertThat(GatewayClient.refusal(gateway.port(), "/", GatewayClient.sdkQuery(user, token, ANDROID)).body())
          .contains("TokenKickedError");
      ReadFixture.eventually(() -> onlinePlatforms().equals(List.of(LINUX)));
    }
  }

  @Test
  void aKickedConnectionLeavesPresence() {
    GatewayClient old = GatewayClient.connect(gateway.port(), user, api.userToken(user, ANDROID), ANDROID).sync();
    String newToken = api.userToken(user, ANDROID);
    try (GatewayClient fresh = GatewayClient.connect(gateway.port(), user, newToken, ANDROID).sync()) {
      old.awaitClosed();
      var detail = api.ok("/user/get_users_online_status", api.adminToken(), Map.of("userIDs", List.of(user)))
          .get(0).get("detailPlatformStatus");
      assertThat(detail.size()).isEqualTo(1);
      assertThat(detail.get(0).get("token").asString()).isEqualTo(newToken);
      assertThat(fresh.isOpen()).isTrue();
    }
  }

  private List<Integer> onlinePlatforms() {
    var status = api.ok("/user/get_users_status", api.adminToken(), Map.of("userIDs", List.of(user)));
    return status.get("statusList").get(0).get("platformIDs").values().stream().map(n -> n.asInt()).toList();
  }
}
