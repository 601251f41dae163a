package io.imflux.jssdk;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.conversation.ChatPeers;
import io.imflux.conversation.ChatStates;
import io.imflux.conversation.ChatStates.ChatState;
import io.imflux.conversation.ConversationStore;
import io.imflux.friend.FriendInfosOnly;
import io.imflux.proto.jssdk.ConversationMsg;
import io.imflux.proto.jssdk.GetActiveConversationsReq;
import io.imflux.proto.jssdk.GetActiveConversationsResp;
import io.imflux.proto.jssdk.GetConversationsReq;
import io.imflux.proto.jssdk.GetConversationsResp;
import io.imflux.proto.relation.FriendInfoOnly;
import io.imflux.proto.sdkws.GroupInfo;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.User;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;
import reactor.util.function.Tuple3;

/**
 * The caller's conversations with what a web client's list shows (spec/api-third-misc.md routes 20-21,
 * spec/api-conversation.md Appendix A): always the caller's own, whatever {@code ownerUserID} says.
 */
@Service
class JssdkService {

  static final int DEFAULT_ACTIVE = 100;
  static final int MAX_ACTIVE = 500;

  private static final Comparator<ChatState> PINNED_THEN_NEWEST =
      Comparator.comparing((ChatState state) -> !state.conversation().getIsPinned())
          .thenComparing(Comparator.comparingLong((ChatState state) -> state.latest().getSendTime()).reversed())
          .thenComparing(state -> state.conversation().getConversationID());

  private final ConversationStore store;
  private final ChatStates states;
  private final ChatPeers peers;
  private final FriendInfosOnly friends;
  private final Dialect dialect;

  JssdkService(ConversationStore store, ChatStates states, ChatPeers peers, FriendInfosOnly friends,
      Dialect dialect) {
    this.store = store;
    this.states = states;
    this.peers = peers;
    this.friends = friends;
    this.dialect = dialect;
  }

  /**
   * Route 20: the listed conversations the caller has a record of and that hold a message, in the order listed;
   * {@code unreadCount} counts every listed record, with or without a message.
   */
  Mono<GetConversationsResp> conversations(ApiRequest<GetConversationsReq> request) {
    return Mono.defer(() -> {
      String owner = request.operator().userID();
      List<String> ids = List.copyOf(new LinkedHashSet<>(request.body().getConversationIDsList()));
      return store.findAllDated(owner, ids)
          .collectList()
          .flatMap(records -> states.of(owner, records).collectList())
          .flatMap(found -> {
            List<ChatState> shown = found.stream().filter(state -> state.latest() != null).toList();
            return decorate(owner, shown).map(conversations -> GetConversationsResp.newBuilder()
                .setUnreadCount(unread(found))
                .addAllConversations(conversations)
                .build());
          });
    });
  }

  /**
   * Route 21: the caller's conversations that hold a message, pinned first then newest message first, the first
   * {@code count} (100 when it is not in 1..500); {@code unreadCount} counts all of them.
   */
  Mono<GetActiveConversationsResp> active(ApiRequest<GetActiveConversationsReq> request) {
    return Mono.defer(() -> {
      String owner = request.operator().userID();
      long asked = request.body().getCount();
      int count = asked <= 0 || asked > MAX_ACTIVE ? DEFAULT_ACTIVE : (int) asked;
      return store.conversationIDs(owner)
          .flatMap(ids -> store.findAllDated(owner, ids).collectList())
          .flatMap(records -> states.of(owner, records).filter(state -> state.maxSeq() > 0).collectList())
          .flatMap(active -> {
            List<ChatState> shown = active.stream()
                .filter(state -> state.latest() != null)
                .sorted(PINNED_THEN_NEWEST)
                .limit(count)
                .toList();
            return decorate(owner, shown).map(conversations -> GetActiveConversationsResp.newBuilder()
                .setUnreadCount(unread(active))
                .addAllConversations(conversations)
                .build());
          });
    });
  }

  private static long unread(List<ChatState> found) {
    return found.stream().mapToLong(state -> Math.max(0, state.unread())).sum();
  }

  /** Each state with its peer: the user and friend row of a chat with a user, the group of a group chat. */
  private Mono<List<ConversationMsg>> decorate(String owner, List<ChatState> shown) {
    List<String> userIDs = shown.stream().filter(state -> state.conversation().getGroupID().isEmpty())
        .map(state -> state.conversation().getUserID()).toList();
    List<String> groupIDs = shown.stream().filter(state -> !state.conversation().getGroupID().isEmpty())
        .map(state -> state.conversation().getGroupID()).toList();
    return Mono.zip(peers.users(userIDs), friends.of(owner, userIDs), peers.groups(groupIDs))
        .map(known -> shown.stream().map(state -> conversationMsg(state, known)).toList());
  }

  private ConversationMsg conversationMsg(ChatState state,
      Tuple3<Map<String, User>, Map<String, FriendInfoOnly>, Map<String, GroupInfo>> known) {
    MsgData latest = state.latest();
    ConversationMsg.Builder msg = ConversationMsg.newBuilder()
        .setConversation(state.conversation())
        .setLastMsg(dialect.toClient(latest))
        .setMaxSeq(state.maxSeq())
        .setReadSeq(state.readSeq());
    String groupID = state.conversation().getGroupID();
    if (groupID.isEmpty()) {
      User user = known.getT1().get(state.conversation().getUserID());
      if (user != null) {
        msg.setUser(user.toInfo());
      }
      FriendInfoOnly friend = known.getT2().get(state.conversation().getUserID());
      if (friend != null) {
        msg.setFriend(friend);
      }
    } else {
      GroupInfo group = known.getT3().get(groupID);
      if (group != null) {
        msg.setGroup(group);
      }
    }
    return msg.build();
  }
}
