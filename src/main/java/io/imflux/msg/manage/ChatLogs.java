package io.imflux.msg.manage;

import io.imflux.api.Dialect;
import io.imflux.cluster.MessageStore.StoredMessage;
import io.imflux.group.GroupDirectory;
import io.imflux.group.GroupDirectory.Group;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.msg.ChatLog;
import io.imflux.proto.msg.SearchChatLog;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.User;
import io.imflux.user.UserStore;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple2;

/**
 * Turns found messages into search results (spec/api-msg.md §6): content as text, the sender's nickname from the
 * profile when the message has none, the receiver's nickname in single chat, and in group chat the group's fields —
 * including the reference's overwrite of {@code senderFaceURL} with the group's face URL.
 */
@Component
class ChatLogs {

  private final UserStore users;
  private final GroupDirectory groups;
  private final Dialect dialect;

  ChatLogs(UserStore users, GroupDirectory groups, Dialect dialect) {
    this.users = users;
    this.groups = groups;
    this.dialect = dialect;
  }

  /** A group with its current member count. */
  private record GroupInfo(Group group, long memberCount) {}

  Mono<List<SearchChatLog>> of(List<StoredMessage> found) {
    if (found.isEmpty()) {
      return Mono.just(List.of());
    }
    Set<String> userIDs = new HashSet<>();
    Set<String> groupIDs = new HashSet<>();
    for (StoredMessage stored : found) {
      MsgData msg = stored.msg();
      if (msg.getSenderNickname().isEmpty()) {
        userIDs.add(msg.getSendID());
      }
      if (msg.getSessionType() == ConversationIds.GROUP_CHAT) {
        groupIDs.add(msg.getGroupID());
      } else {
        userIDs.add(msg.getRecvID());
      }
    }
    Mono<Map<String, String>> nicknames = users.findAll(userIDs).collectMap(User::userID, User::nickname);
    Mono<Map<String, GroupInfo>> groupInfos = Flux.fromIterable(groupIDs)
        .flatMap(groupID -> groups.group(groupID)
            .zipWith(groups.memberIDs(groupID).count(), GroupInfo::new))
        .collectMap(info -> info.group().groupID());
    return Mono.zip(nicknames, groupInfos).map(lookups -> found.stream().map(stored -> toResult(stored, lookups))
        .toList());
  }

  private SearchChatLog toResult(StoredMessage stored, Tuple2<Map<String, String>, Map<String, GroupInfo>> lookups) {
    MsgData msg = stored.msg();
    ChatLog.Builder log = ChatLog.newBuilder()
        .setServerMsgID(msg.getServerMsgID())
        .setClientMsgID(msg.getClientMsgID())
        .setSendID(msg.getSendID())
        .setRecvID(msg.getRecvID())
        .setGroupID(msg.getGroupID())
        .setSenderPlatformID(msg.getSenderPlatformID())
        .setSenderNickname(msg.getSenderNickname().isEmpty()
            ? lookups.getT1().getOrDefault(msg.getSendID(), "")
            : msg.getSenderNickname())
        .setSenderFaceURL(msg.getSenderFaceURL())
        .setSessionType(msg.getSessionType())
        .setMsgFrom(msg.getMsgFrom())
        .setContentType(dialect.contentTypeToClient(msg.getContentType(), msg.getSessionType()))
        .setContent(msg.getContent().toString(StandardCharsets.UTF_8))
        .setStatus(msg.getStatus())
        .setSendTime(msg.getSendTime())
        .setCreateTime(msg.getCreateTime())
        .setEx(msg.getEx())
        .setSeq(msg.getSeq());
    if (msg.getSessionType() == ConversationIds.GROUP_CHAT) {
      log.setRecvID(msg.getGroupID());
      GroupInfo info = lookups.getT2().get(msg.getGroupID());
      if (info != null) {
        log.setGroupName(info.group().groupName())
            .setGroupOwner(info.group().ownerUserID())
            .setGroupType(info.group().groupType())
            .setGroupMemberCount((int) Math.min(Integer.MAX_VALUE, info.memberCount()))
            .setSenderFaceURL(info.group().faceURL());
      }
    } else {
      log.setRecvNickname(lookups.getT1().getOrDefault(msg.getRecvID(), ""));
    }
    return SearchChatLog.newBuilder().setChatLog(log).setIsRevoked(stored.revocation() != null).build();
  }
}
