package io.imflux.msg.manage;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.group.GroupDirectory;
import io.imflux.group.GroupDirectory.Member;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.User;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Who may take a message back from everyone: the revoke rules of spec/api-msg.md §7 step 3, which imflux also
 * applies to every seq of a {@code delete_msgs} for everyone (§9.3, Q11). App admins are not asked: callers skip
 * these rules for them.
 */
@Component
class RemovalRules {

  private final GroupDirectory groups;

  RemovalRules(GroupDirectory groups) {
    this.groups = groups;
  }

  /**
   * The role a revoke by {@code revoker} records (appMangerLevel in single chat, the group role level in a group, 0
   * for a sender who left the group); 1002 when the rules forbid it, 500 for other session types (the reference's).
   */
  Mono<Integer> revokerRole(User revoker, MsgData msg) {
    return switch (msg.getSessionType()) {
      case ConversationIds.SINGLE_CHAT -> revoker.userID().equals(msg.getSendID())
          ? Mono.just(revoker.appMangerLevel())
          : Mono.error(ImError.noPermission("only the sender can revoke a single-chat message"));
      case ConversationIds.GROUP_CHAT -> groupRole(revoker.userID(), msg);
      default -> Mono.error(new ImError(ErrorKind.INTERNAL, "msg sessionType not supported"));
    };
  }

  /** Whether {@code userID} may erase the message for everyone: their own message, or as a revoke in a group. */
  Mono<Void> requireMayErase(String userID, MsgData msg) {
    if (userID.equals(msg.getSendID())) {
      return Mono.empty();
    }
    if (msg.getSessionType() == ConversationIds.GROUP_CHAT) {
      return groupRole(userID, msg).then();
    }
    return Mono.error(ImError.noPermission("seq " + msg.getSeq() + " is not the user's own message"));
  }

  /**
   * In a group, someone else's message may be taken back by the owner, or by an admin when the sender is an ordinary
   * member or no longer a member. Answers the caller's role level (0 when not a member).
   */
  private Mono<Integer> groupRole(String userID, MsgData msg) {
    Mono<Optional<Member>> caller = member(msg.getGroupID(), userID);
    if (userID.equals(msg.getSendID())) {
      return caller.map(RemovalRules::roleOf);
    }
    return Mono.zip(caller, member(msg.getGroupID(), msg.getSendID())).flatMap(both -> {
      int role = roleOf(both.getT1());
      boolean allowed = role == GroupDirectory.ROLE_OWNER
          || role == GroupDirectory.ROLE_ADMIN
          && both.getT2().map(sender -> sender.roleLevel() == GroupDirectory.ROLE_ORDINARY).orElse(true);
      return allowed ? Mono.just(role) : Mono.error(ImError.noPermission("no permission"));
    });
  }

  private Mono<Optional<Member>> member(String groupID, String userID) {
    return groups.member(groupID, userID).map(Optional::of).defaultIfEmpty(Optional.empty());
  }

  private static int roleOf(Optional<Member> member) {
    return member.map(Member::roleLevel).orElse(0);
  }
}
