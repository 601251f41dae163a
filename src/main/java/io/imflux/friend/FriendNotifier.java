package io.imflux.friend;

import io.imflux.notification.Notification;
import io.imflux.notification.NotificationSender;
import io.imflux.notification.NotificationTypes;
import io.imflux.proto.sdkws.BlackAddedTips;
import io.imflux.proto.sdkws.BlackDeletedTips;
import io.imflux.proto.sdkws.FriendApplicationApprovedTips;
import io.imflux.proto.sdkws.FriendApplicationRejectedTips;
import io.imflux.proto.sdkws.FriendApplicationTips;
import io.imflux.proto.sdkws.FriendDeletedTips;
import io.imflux.proto.sdkws.FriendInfoChangedTips;
import io.imflux.proto.sdkws.FriendRequest;
import io.imflux.proto.sdkws.FriendsInfoUpdateTips;
import io.imflux.proto.sdkws.FromToUserID;
import io.imflux.proto.sdkws.UserInfoUpdatedTips;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The friend notifications of spec/notifications.md §4.3, each with its direction and tips. The version fields of
 * the tips are 0 and "" as the reference sends them (spec/api-friend.md "Notifications"); clients sync instead.
 * Sending never fails the change that caused it: the change is stored by then.
 */
@Component
class FriendNotifier {

  private static final Logger log = LoggerFactory.getLogger(FriendNotifier.class);

  private final NotificationSender sender;

  FriendNotifier(NotificationSender sender) {
    this.sender = sender;
  }

  /** 1203 from the applicant to the target. */
  Mono<Void> applied(FriendRequest request) {
    return send(NotificationTypes.FRIEND_APPLICATION, request.getFromUserID(), request.getToUserID(),
        FriendApplicationTips.newBuilder()
            .setFromToUserID(fromTo(request.getFromUserID(), request.getToUserID()))
            .setRequest(request)
            .build());
  }

  /**
   * 1201 from the responder to the applicant; for an import the friend is the responder and the owner the
   * applicant, without a request.
   */
  Mono<Void> approved(String applicantUserID, String responderUserID, String handleMsg,
      @Nullable FriendRequest request) {
    FriendApplicationApprovedTips.Builder tips = FriendApplicationApprovedTips.newBuilder()
        .setFromToUserID(fromTo(applicantUserID, responderUserID))
        .setHandleMsg(handleMsg);
    if (request != null) {
      tips.setRequest(request);
    }
    return send(NotificationTypes.FRIEND_APPLICATION_APPROVED, responderUserID, applicantUserID, tips.build());
  }

  /** 1202 from the responder to the applicant. */
  Mono<Void> rejected(String applicantUserID, String responderUserID, String handleMsg, FriendRequest request) {
    return send(NotificationTypes.FRIEND_APPLICATION_REJECTED, responderUserID, applicantUserID,
        FriendApplicationRejectedTips.newBuilder()
            .setFromToUserID(fromTo(applicantUserID, responderUserID))
            .setHandleMsg(handleMsg)
            .setRequest(request)
            .build());
  }

  /** 1205 from the owner to the former friend. */
  Mono<Void> deleted(String ownerUserID, String friendUserID) {
    return send(NotificationTypes.FRIEND_DELETED, ownerUserID, friendUserID, FriendDeletedTips.newBuilder()
        .setFromToUserID(fromTo(ownerUserID, friendUserID))
        .build());
  }

  /** 1206 from the owner to the friend whose remark the owner set. */
  Mono<Void> remarkSet(String ownerUserID, String friendUserID) {
    return send(NotificationTypes.FRIEND_REMARK_SET, ownerUserID, friendUserID, FriendInfoChangedTips.newBuilder()
        .setFromToUserID(fromTo(ownerUserID, friendUserID))
        .build());
  }

  /** 1210 from the owner to themself. */
  Mono<Void> friendsUpdated(String ownerUserID, List<String> friendUserIDs) {
    return send(NotificationTypes.FRIENDS_INFO_UPDATE, ownerUserID, ownerUserID, FriendsInfoUpdateTips.newBuilder()
        .setFromToUserID(fromTo("", ownerUserID))
        .addAllFriendIDs(friendUserIDs)
        .build());
  }

  /**
   * 1207 to the owner's own devices only: the blocked user is not told (spec/notifications.md §4.3, imflux's privacy
   * decision), so it travels as a self-notification; the tips still name both users.
   */
  Mono<Void> blackAdded(String ownerUserID, String blackUserID) {
    return send(NotificationTypes.BLACK_ADDED, ownerUserID, ownerUserID, BlackAddedTips.newBuilder()
        .setFromToUserID(fromTo(ownerUserID, blackUserID))
        .build());
  }

  /** 1208 to the owner's own devices only, as {@link #blackAdded}. */
  Mono<Void> blackDeleted(String ownerUserID, String blackUserID) {
    return send(NotificationTypes.BLACK_DELETED, ownerUserID, ownerUserID, BlackDeletedTips.newBuilder()
        .setFromToUserID(fromTo(ownerUserID, blackUserID))
        .build());
  }

  /** 1209 from whoever changed the profile to one friend of the changed user. */
  Mono<Void> friendInfoUpdated(String opUserID, String changedUserID, String friendUserID) {
    return send(NotificationTypes.FRIEND_INFO_UPDATED, opUserID, friendUserID,
        UserInfoUpdatedTips.newBuilder().setUserID(changedUserID).build());
  }

  private Mono<Void> send(int contentType, String sendID, String recvID, com.google.protobuf.Message tips) {
    return sender.send(Notification.toUser(contentType, sendID, recvID, tips)).onErrorResume(error -> {
      log.warn("{} from {} to {} not sent", contentType, sendID, recvID, error);
      return Mono.empty();
    });
  }

  private static FromToUserID fromTo(String fromUserID, String toUserID) {
    return FromToUserID.newBuilder().setFromUserID(fromUserID).setToUserID(toUserID).build();
  }
}
