package io.imflux.notification;

import reactor.core.publisher.Mono;

/**
 * Where features hand their notifications. Fire-and-forget for the caller: a notification that cannot be
 * delivered never fails the request that caused it (spec/common.md §4.5).
 */
public interface NotificationSender {

  Mono<Void> send(Notification notification);
}
