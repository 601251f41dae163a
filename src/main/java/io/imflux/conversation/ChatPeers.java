package io.imflux.conversation;

import io.imflux.group.GroupDirectory;
import io.imflux.proto.sdkws.GroupInfo;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The users and groups a list of conversations shows (names, faces, member counts), fetched once per list: the
 * sorted conversation list and the {@code /jssdk/*} routes decorate conversations with them.
 */
@Component
public class ChatPeers {

  private static final int CONCURRENCY = 16;

  private final UserStore users;
  private final GroupDirectory groups;

  public ChatPeers(UserStore users, GroupDirectory groups) {
    this.users = users;
    this.groups = groups;
  }

  /** The registered users among {@code userIDs}, by ID. */
  public Mono<Map<String, User>> users(Collection<String> userIDs) {
    return users.findAll(new LinkedHashSet<>(userIDs)).collectMap(User::userID);
  }

  /**
   * The existing groups among {@code groupIDs}, by ID, with what the group directory knows of them: name, face,
   * owner, status, type and member count (the groups feature owns the other GroupInfo fields).
   */
  public Mono<Map<String, GroupInfo>> groups(Collection<String> groupIDs) {
    return Flux.fromIterable(new LinkedHashSet<>(groupIDs))
        .flatMap(id -> groups.group(id).zipWith(groups.memberIDs(id).count(), (group, members) -> GroupInfo.newBuilder()
            .setGroupID(group.groupID())
            .setGroupName(group.groupName())
            .setFaceURL(group.faceURL())
            .setOwnerUserID(group.ownerUserID())
            .setStatus(group.status())
            .setGroupType(group.groupType())
            .setMemberCount(members.intValue())
            .build()), CONCURRENCY)
        .collectMap(GroupInfo::getGroupID);
  }
}
