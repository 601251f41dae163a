package io.imflux.msg;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.auth.AdminUsers;
import io.imflux.conversation.ConversationStore;
import io.imflux.friend.FriendRelations;
import io.imflux.group.GroupDirectory;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The per-session-type checks of the send path (spec/api-msg.md §11.3-§11.6), in the reference's order. Answers
 * the message to send, which receive options may have stripped of offline push.
 */
@Component
public class SendChecks {

  static final int NOTIFICATION_BEGIN = 1000;
  static final int NOTIFICATION_END = 5000;
  static final int RECV_ALL = 0;
  static final int RECV_NONE = 1;
  static final int RECV_NO_PUSH = 2;
  static final int CONTENT_GROUP_DISMISSED = 1511;

  private final AdminUsers admins;
  private final UserStore users;
  private final FriendRelations relations;
  private final GroupDirectory groups;
  private final ConversationStore conversations;
  private final MsgProperties properties;
  private final Clock clock;

  public SendChecks(AdminUsers admins, UserStore users, FriendRelations relations, GroupDirectory groups,
      ConversationStore conversations, MsgProperties properties, Clock clock) {
    this.admins = admins;
    this.users = users;
    this.relations = relations;
    this.groups = groups;
    this.conversations = conversations;
    this.properties = properties;
    this.clock = clock;
  }

  public Mono<MsgData> check(MsgData msg) {
    return switch (msg.getSessionType()) {
      case ConversationIds.SINGLE_CHAT -> single(msg).then(Mono.defer(() -> MessageOptions.isNotification(msg)
          ? Mono.just(msg)
          : receiveOptions(msg)));
      case ConversationIds.GROUP_CHAT -> group(msg).thenReturn(msg);
      case ConversationIds.NOTIFICATION_CHAT -> notificationAccount(msg.getSendID()).thenReturn(msg);
      default -> Mono.error(ImError.args("unknown sessionType"));
    };
  }

  /** The sender of an OA notification must be a notification account (§4.1; imflux on every path, §11.3). */
  public Mono<Void> notificationAccount(String sendID) {
    return users.find(sendID)
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_ID_NOT_FOUND, "sendID not found")))
        .flatMap(sender -> sender.appMangerLevel() >= User.LEVEL_APP_ADMIN
            ? Mono.<Void>empty()
            : Mono.error(ImError.noPermission("notification messages cannot be sent for this ID")));
  }

  private Mono<Void> single(MsgData msg) {
    if (admins.isAdmin(msg.getSendID()) || isNotificationType(msg.getContentType())) {
      return Mono.empty();
    }
    return users.find(msg.getSendID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "sender not found")))
        .flatMap(sender -> {
          if (sender.appMangerLevel() >= User.LEVEL_APP_ADMIN) {
            return Mono.<Void>empty();
          }
          Mono<Void> blacklist = relations.isBlocked(msg.getRecvID(), msg.getSendID())
              .flatMap(blocked -> blocked
                  ? Mono.<Void>error(new ImError(ErrorKind.BLOCKED_BY_PEER, "the receiver blocked the sender"))
                  : Mono.empty());
          Mono<Void> friendship = !properties.friendVerify() ? Mono.empty()
              : relations.isFriend(msg.getRecvID(), msg.getSendID()).flatMap(friend -> friend
                  ? Mono.<Void>empty()
                  : Mono.error(new ImError(ErrorKind.NOT_PEERS_FRIEND, "not the receiver's friend")));
          return blacklist.then(friendship);
        });
  }

  private Mono<MsgData> receiveOptions(MsgData msg) {
    return users.find(msg.getRecvID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.USER_NOT_FOUND, "receiver not found")))
        .flatMap(receiver -> {
          if (receiver.globalRecvMsgOpt() == RECV_NONE) {
            return Mono.error(ImError.args("message is not sent"));
          }
          boolean noPush = receiver.globalRecvMsgOpt() == RECV_NO_PUSH;
          return conversations.find(msg.getRecvID(), ConversationIds.chat(msg))
              .map(conversation -> conversation.getRecvMsgOpt())
              .defaultIfEmpty(RECV_ALL)
              .flatMap(option -> {
                if (option == RECV_NONE && msg.getContentType() != MessageStamping.CONTENT_HAS_READ_RECEIPT) {
                  return Mono.error(ImError.args("message is not sent"));
                }
                return Mono.just(noPush || option == RECV_NO_PUSH
                    ? msg.toBuilder().putOptions(MessageOptions.OFFLINE_PUSH, false).build()
                    : msg);
              });
        });
  }

  private Mono<Void> group(MsgData msg) {
    return groups.group(msg.getGroupID())
        .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.GROUP_RECORD_NOT_FOUND, "group not found")))
        .flatMap(group -> {
          if (group.status() == GroupDirectory.STATUS_DISMISSED && msg.getContentType() != CONTENT_GROUP_DISMISSED) {
            return Mono.error(new ImError(ErrorKind.GROUP_DISMISSED, "group dismissed"));
          }
          if (group.groupType() == GroupDirectory.TYPE_SUPER_GROUP || admins.isAdmin(msg.getSendID())
              || isNotificationType(msg.getContentType())) {
            return Mono.<Void>empty();
          }
          return groups.member(msg.getGroupID(), msg.getSendID())
              .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.NOT_IN_GROUP, "sender is not a group member")))
              .flatMap(member -> {
                if (member.roleLevel() == GroupDirectory.ROLE_OWNER) {
                  return Mono.<Void>empty();
                }
                if (member.muteEndTime() >= clock.millis()) {
                  return Mono.error(new ImError(ErrorKind.MUTED_IN_GROUP, "member is muted"));
                }
                if (group.status() == GroupDirectory.STATUS_MUTED && member.roleLevel() != GroupDirectory.ROLE_ADMIN) {
                  return Mono.error(new ImError(ErrorKind.MUTED_GROUP, "group is muted"));
                }
                return Mono.<Void>empty();
              });
        });
  }

  static boolean isNotificationType(int contentType) {
    return contentType >= NOTIFICATION_BEGIN && contentType <= NOTIFICATION_END;
  }
}
