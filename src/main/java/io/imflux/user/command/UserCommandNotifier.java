package io.imflux.user.command;

import com.google.protobuf.Message;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationSender;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.sdkws.UserCommandAddTips;
import io.imflux.proto.sdkws.UserCommandDeleteTips;
import io.imflux.proto.sdkws.UserCommandUpdateTips;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells a user's devices that their commands changed: 1305/1306/1307 from the user to the user
 * (spec/notifications.md §6). Fire-and-forget: a failed notification never fails the change.
 */
@Component
class UserCommandNotifier {

  private static final Logger log = LoggerFactory.getLogger(UserCommandNotifier.class);

  private final NotificationSender sender;

  UserCommandNotifier(NotificationSender sender) {
    this.sender = sender;
  }

  Mono<Void> added(String userID) {
    return send(NotificationTypes.USER_COMMAND_ADD, userID,
        UserCommandAddTips.newBuilder().setFromUserID(userID).setToUserID(userID).build());
  }

  Mono<Void> deleted(String userID) {
    return send(NotificationTypes.USER_COMMAND_DELETE, userID,
        UserCommandDeleteTips.newBuilder().setFromUserID(userID).setToUserID(userID).build());
  }

  Mono<Void> updated(String userID) {
    return send(NotificationTypes.USER_COMMAND_UPDATE, userID,
        UserCommandUpdateTips.newBuilder().setFromUserID(userID).setToUserID(userID).build());
  }

  private Mono<Void> send(int contentType, String userID, Message tips) {
    return Mono.defer(() -> sender.send(Notification.toUser(contentType, userID, userID, tips)))
        .onErrorResume(error -> {
          log.warn("notification {} to {} failed", contentType, userID, error);
          return Mono.empty();
        });
  }
}
