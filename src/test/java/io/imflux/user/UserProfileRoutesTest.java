package io.imflux.user;

import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.notification.Notification;
import io.imflux.notification.NotificationBus;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.sdkws.UserInfoUpdatedTips;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * {@code /user/update_user_info}, {@code /user/update_user_info_ex} and {@code /user/set_global_msg_recv_opt}
 * (spec/api-auth-user.md §6-§8), with the 1303 notification each emits.
 */
@ImfluxTest
class UserProfileRoutesTest {

  @LocalServerPort
  int port;

  @Autowired
  NotificationBus bus;

  ApiClient client;
  String user;
  String token;

  @BeforeEach
  void registerUser() {
    client = new ApiClient(port);
    user = ApiClient.uniqueId("prof");
    client.ok("/user/user_register", client.adminToken(), Map.of("users", List.of(Map.of(
        "userID", user, "nickname", "Old", "faceURL", "old.png", "ex", "oldEx", "globalRecvMsgOpt", 1))));
    token = client.userToken(user, 2);
  }

  @Test
  void updateInfoSetsOnlyNonEmptyFieldsAndNotifiesTheUser() {
    CompletableFuture<Notification> sent = next1303(user);
    assertEmptySuccess(client.post("/user/update_user_info", token, Map.of("userInfo", Map.of(
        "userID", user, "nickname", "New", "faceURL", "", "ex", "", "globalRecvMsgOpt", 0, "appMangerLevel", 2))));

    JsonNode info = info(user);
    assertThat(info.get("nickname").asString()).isEqualTo("New");
    assertThat(info.get("faceURL").asString()).isEqualTo("old.png");
    assertThat(info.get("ex").asString()).isEqualTo("oldEx");
    assertThat(info.get("globalRecvMsgOpt").asInt()).isEqualTo(1);
    assertThat(info.get("appMangerLevel").asInt()).isZero();
    assertUserInfoUpdated(sent, user, user);
  }

  @Test
  void updateInfoWithNothingToSetStillSucceedsAndNotifies() {
    CompletableFuture<Notification> sent = next1303(user);
    assertEmptySuccess(client.post("/user/update_user_info", token, Map.of("userInfo", Map.of("userID", user))));
    assertThat(info(user).get("nickname").asString()).isEqualTo("Old");
    assertUserInfoUpdated(sent, user, user);
  }

  @Test
  void anAdminUpdatesAnyoneAndTheNotificationComesFromTheAdmin() {
    CompletableFuture<Notification> sent = next1303(user);
    assertEmptySuccess(client.post("/user/update_user_info", client.adminToken(),
        Map.of("userInfo", Map.of("userID", user, "globalRecvMsgOpt", 2))));
    assertThat(info(user).get("globalRecvMsgOpt").asInt()).isEqualTo(2);
    assertUserInfoUpdated(sent, ApiClient.ADMIN_ID, user);
  }

  @Test
  void updateInfoChecksArgumentsPermissionAndExistence() {
    assertError(client.post("/user/update_user_info", token, "{}"), 1001, "UserInfo is empty");
    assertError(client.post("/user/update_user_info", token, "{\"userInfo\":null}"), 1001, "UserInfo is empty");
    assertError(client.post("/user/update_user_info", token, "{\"userInfo\":{}}"), 1001, "UserID is empty");
    assertError(client.post("/user/update_user_info", token, "{\"userInfo\":\"x\"}"), 1001, "");
    assertError(client.post("/user/update_user_info", token,
        "{\"userInfo\":{\"userID\":\"" + user + "\",\"globalRecvMsgOpt\":\"1\"}}"), 1001, "");

    String other = ApiClient.uniqueId("other");
    client.register(other);
    CompletableFuture<List<Notification>> none = all1303(other, Duration.ofSeconds(2));
    assertError(client.post("/user/update_user_info", token,
        Map.of("userInfo", Map.of("userID", other, "nickname", "hijack"))), 1002, user);
    assertThat(info(other).get("nickname").asString()).isEqualTo(other);

    String ghost = ApiClient.uniqueId("ghost");
    assertError(client.post("/user/update_user_info", client.adminToken(),
        Map.of("userInfo", Map.of("userID", ghost, "nickname", "x"))), 1003, ghost);
    assertThat(none.join()).isEmpty();
  }

  @Test
  void updateInfoExSetsEveryPresentFieldIncludingEmptyAndZero() {
    CompletableFuture<Notification> sent = next1303(user);
    assertEmptySuccess(client.post("/user/update_user_info_ex", token,
        "{\"userInfo\":{\"userID\":\"" + user + "\",\"nickname\":\"\",\"faceURL\":null,\"ex\":\"e2\","
            + "\"globalRecvMsgOpt\":0}}"));
    JsonNode info = info(user);
    assertThat(info.get("nickname").asString()).isEmpty();
    assertThat(info.get("faceURL").asString()).isEqualTo("old.png");
    assertThat(info.get("ex").asString()).isEqualTo("e2");
    assertThat(info.get("globalRecvMsgOpt").asInt()).isZero();
    assertUserInfoUpdated(sent, user, user);
  }

  @Test
  void updateInfoExChecksArgumentsPermissionAndExistence() {
    assertError(client.post("/user/update_user_info_ex", token, "{}"), 1001, "userInfo is empty");
    assertError(client.post("/user/update_user_info_ex", token, "{\"userInfo\":{\"nickname\":\"n\"}}"), 1001,
        "userID is empty");
    // Wrapper fields are bare scalars of the right type (spec/common.md §3).
    assertError(client.post("/user/update_user_info_ex", token,
        "{\"userInfo\":{\"userID\":\"" + user + "\",\"nickname\":5}}"), 1001, "");
    assertError(client.post("/user/update_user_info_ex", token,
        "{\"userInfo\":{\"userID\":\"" + user + "\",\"nickname\":{\"value\":\"n\"}}}"), 1001, "");
    assertError(client.post("/user/update_user_info_ex", token,
        "{\"userInfo\":{\"userID\":\"" + user + "\",\"globalRecvMsgOpt\":\"2\"}}"), 1001, "");
    assertThat(info(user).get("nickname").asString()).isEqualTo("Old");

    assertError(client.post("/user/update_user_info_ex", token,
        Map.of("userInfo", Map.of("userID", ApiClient.ADMIN_ID, "nickname", "x"))), 1002, "");
    String ghost = ApiClient.uniqueId("ghost");
    assertError(client.post("/user/update_user_info_ex", client.adminToken(),
        Map.of("userInfo", Map.of("userID", ghost, "nickname", "x"))), 1003, "");
  }

  @Test
  void setGlobalRecvMsgOptStoresTheOptionAndNotifies() {
    CompletableFuture<Notification> sent = next1303(user);
    assertEmptySuccess(client.post("/user/set_global_msg_recv_opt", token,
        Map.of("userID", user, "globalRecvMsgOpt", 2)));
    assertThat(info(user).get("globalRecvMsgOpt").asInt()).isEqualTo(2);
    assertUserInfoUpdated(sent, user, user);

    assertEmptySuccess(client.post("/user/set_global_msg_recv_opt", token, Map.of("userID", user)));
    assertThat(info(user).get("globalRecvMsgOpt").asInt()).isZero();
  }

  @Test
  void setGlobalRecvMsgOptChecksArgumentsPermissionAndExistence() {
    assertError(client.post("/user/set_global_msg_recv_opt", token, Map.of("globalRecvMsgOpt", 1)), 1001,
        "UserID is empty");
    for (int invalid : new int[] {3, -1}) {
      assertError(client.post("/user/set_global_msg_recv_opt", token,
          Map.of("userID", user, "globalRecvMsgOpt", invalid)), 1001, "GlobalRecvMsgOpt is invalid");
    }
    assertError(client.post("/user/set_global_msg_recv_opt", token,
        "{\"userID\":\"" + user + "\",\"globalRecvMsgOpt\":\"1\"}"), 1001, "");
    assertError(client.post("/user/set_global_msg_recv_opt", token,
        "{\"userID\":\"" + user + "\",\"globalRecvMsgOpt\":1.0}"), 1001, "");

    // The reference lets anyone switch off anyone's messages; imflux does not (spec/common.md §8.5).
    String other = ApiClient.uniqueId("other");
    client.register(other);
    assertError(client.post("/user/set_global_msg_recv_opt", token,
        Map.of("userID", other, "globalRecvMsgOpt", 1)), 1002, "");
    assertThat(info(other).get("globalRecvMsgOpt").asInt()).isZero();
    assertEmptySuccess(client.post("/user/set_global_msg_recv_opt", client.adminToken(),
        Map.of("userID", other, "globalRecvMsgOpt", 1)));
    assertThat(info(other).get("globalRecvMsgOpt").asInt()).isEqualTo(1);

    assertError(client.post("/user/set_global_msg_recv_opt", client.adminToken(),
        Map.of("userID", ApiClient.uniqueId("ghost"), "globalRecvMsgOpt", 1)), 1003, "");
  }

  private JsonNode info(String userID) {
    return data(client.post("/user/get_users_info", client.adminToken(), Map.of("userIDs", List.of(userID))))
        .get("usersInfo").get(0);
  }

  /** Subscribes before the request, so the notification it causes cannot be missed. */
  private CompletableFuture<Notification> next1303(String recvID) {
    return bus.events()
        .filter(n -> n.contentType() == NotificationTypes.USER_INFO_UPDATED && n.recvID().equals(recvID))
        .next()
        .toFuture();
  }

  private CompletableFuture<List<Notification>> all1303(String recvID, Duration window) {
    return bus.events()
        .filter(n -> n.contentType() == NotificationTypes.USER_INFO_UPDATED && n.recvID().equals(recvID))
        .take(window)
        .collectList()
        .toFuture();
  }

  private static void assertUserInfoUpdated(CompletableFuture<Notification> sent, String sendID, String recvID) {
    Notification notification = sent.orTimeout(5, TimeUnit.SECONDS).join();
    assertThat(notification.sendID()).isEqualTo(sendID);
    assertThat(notification.recvID()).isEqualTo(recvID);
    assertThat(notification.sessionType()).isEqualTo(Notification.SINGLE_CHAT);
    assertThat(notification.tips()).isEqualTo(UserInfoUpdatedTips.newBuilder().setUserID(recvID).build());
  }
}
