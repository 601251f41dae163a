package io.imflux.user.command;

import static io.imflux.user.command.CommandCalls.ADD;
import static io.imflux.user.command.CommandCalls.DELETE;
import static io.imflux.user.command.CommandCalls.UPDATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.imflux.notification.Notification;
import io.imflux.notification.NotificationBus;
import io.imflux.proto.sdkws.UserCommandAddTips;
import io.imflux.proto.sdkws.UserCommandDeleteTips;
import io.imflux.proto.sdkws.UserCommandUpdateTips;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Changes to a user's commands notify that user's own devices: 1305, 1306, 1307 (spec/notifications.md §6). */
@ImfluxTest
class UserCommandNotificationTest {

  @LocalServerPort
  int port;

  @Autowired
  NotificationBus bus;

  @Test
  void addUpdateAndDeleteEachNotifyTheUserFromThemselves() throws Exception {
    ApiClient api = new ApiClient(port);
    String user = ApiClient.uniqueId("cmd_notify");
    String other = ApiClient.uniqueId("cmd_notify_other");
    api.register(user, other);
    String token = api.userToken(user, 2);
    CompletableFuture<List<Notification>> received = bus.events()
        .filter(notification -> notification.recvID().equals(user))
        .take(3)
        .timeout(Duration.ofSeconds(10))
        .collectList()
        .toFuture();

    // Neither a refused request nor an update that changes nothing notifies anyone.
    String otherToken = api.userToken(other, 2);
    assertEquals(1002, api.post(ADD, otherToken, Map.of("userID", user, "type", 1, "uuid", "a")).errCode());
    api.ok(ADD, token, Map.of("userID", user, "type", 1, "uuid", "a", "value", "v"));
    api.ok(UPDATE, token, Map.of("userID", user, "type", 1, "uuid", "a"));
    api.ok(UPDATE, api.adminToken(), Map.of("userID", user, "type", 1, "uuid", "a", "value", "w"));
    api.ok(DELETE, token, Map.of("userID", user, "type", 1, "uuid", "a"));

    List<Notification> notifications = received.get(15, TimeUnit.SECONDS);
    assertEquals(List.of(1305, 1307, 1306), notifications.stream().map(Notification::contentType).toList());
    for (Notification notification : notifications) {
      assertEquals(user, notification.sendID());
      assertEquals(Notification.SINGLE_CHAT, notification.sessionType());
    }
    UserCommandAddTips added = assertInstanceOf(UserCommandAddTips.class, notifications.get(0).tips());
    assertEquals(List.of(user, user), List.of(added.getFromUserID(), added.getToUserID()));
    UserCommandUpdateTips updated = assertInstanceOf(UserCommandUpdateTips.class, notifications.get(1).tips());
    assertEquals(List.of(user, user), List.of(updated.getFromUserID(), updated.getToUserID()));
    UserCommandDeleteTips deleted = assertInstanceOf(UserCommandDeleteTips.class, notifications.get(2).tips());
    assertEquals(List.of(user, user), List.of(deleted.getFromUserID(), deleted.getToUserID()));
  }
}
