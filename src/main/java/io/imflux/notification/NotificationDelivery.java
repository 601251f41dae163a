package io.imflux.notification;

import io.imflux.api.OperationIds;
import io.imflux.api.json.GoJsonWriter;
import io.imflux.msg.MessageDelivery;
import io.imflux.msg.MessageOptions;
import io.imflux.msg.MessageStamping;
import io.imflux.msg.MsgIds;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.proto.sdkws.NotificationElem;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;

/**
 * Turns every emitted {@link Notification} into a message (spec/notifications.md §1-§3) and delivers it: online
 * only in the {@code n_} conversation unless it is a stored kind, plus a stored chat copy where the type's settings
 * say so. Failures are logged; they never reach the change that emitted the notification.
 */
@Component
public class NotificationDelivery implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
  static final int MSG_FROM_SYSTEM = 200;
  static final int CONTENT_USER_STATUS_CHANGE = 1304;
  private static final int MAX_IN_FLIGHT = 256;
  private static final int MAX_WAITING = 100_000;

  private final MessageStamping stamping;
  private final MessageDelivery delivery;
  private final Clock clock;
  private final Map<Integer, NotificationSettings.Setting> settings;
  private final Disposable subscription;

  public NotificationDelivery(NotificationBus bus, MessageStamping stamping, MessageDelivery delivery, Clock clock,
      NotificationSettings settings) {
    this.settings = settings.byContentType();
    this.stamping = stamping;
    this.delivery = delivery;
    this.clock = clock;
    this.subscription = bus.sent()
        .onBackpressureBuffer(MAX_WAITING, dropped -> log.warn("notification {} to {} dropped: too many waiting",
            dropped.notification().contentType(), dropped.notification().recvID()))
        .flatMap(sent -> deliver(sent.notification())
            .contextWrite(OperationIds.with(sent.operationID()))
            .onErrorResume(e -> {
              log.warn("notification {} to {} not delivered", sent.notification().contentType(),
                  sent.notification().recvID(), e);
              return Mono.empty();
            }), MAX_IN_FLIGHT)
        .subscribe();
  }

  Mono<Long> deliver(Notification notification) {
    return Mono.defer(() -> delivery.deliver(stamping.stamp(toMessage(notification))));
  }

  MsgData toMessage(Notification notification) {
    NotificationSettings.Setting setting =
        settings.getOrDefault(notification.contentType(), NotificationSettings.off());
    boolean group = notification.sessionType() == Notification.GROUP_CHAT;
    long now = clock.millis();
    String detail = GoJsonWriter.write(notification.tips());
    byte[] content = GoJsonWriter.write(NotificationElem.newBuilder().setDetail(detail).build())
        .getBytes(StandardCharsets.UTF_8);
    MsgData.Builder msg = MsgData.newBuilder()
        .setSendID(notification.sendID())
        .setRecvID(notification.recvID())
        .setGroupID(group ? notification.recvID() : "")
        .setSessionType(notification.sessionType())
        .setMsgFrom(MSG_FROM_SYSTEM)
        .setContentType(notification.contentType())
        .setContent(com.google.protobuf.ByteString.copyFrom(content))
        .setClientMsgID(MsgIds.clientMsgID())
        .setSendTime(now)
        .setCreateTime(now)
        .setOfflinePushInfo(setting.offlinePushInfo())
        .putAllOptions(MessageOptions.notificationDefaults())
        .putOptions(MessageOptions.IS_SEND_MSG, setting.sendChatCopy())
        .putOptions(MessageOptions.UNREAD_COUNT, setting.sendChatCopy())
        .putOptions(MessageOptions.OFFLINE_PUSH, setting.offlinePush());
    if (notification.stored()) {
      msg.putOptions(MessageOptions.HISTORY, true).putOptions(MessageOptions.PERSISTENT, true);
    }
    if (notification.contentType() == CONTENT_USER_STATUS_CHANGE) {
      msg.putOptions(MessageOptions.SENDER_SYNC, false);
    }
    return msg.build();
  }

  @Override
  public void destroy() {
    subscription.dispose();
  }
}
