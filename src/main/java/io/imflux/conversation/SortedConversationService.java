package io.imflux.conversation;

import static io.imflux.conversation.ConversationChecks.require;

import io.imflux.api.ApiRequest;
import io.imflux.api.Dialect;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Paging;
import io.imflux.conversation.ChatStates.ChatState;
import io.imflux.msg.ConversationIds;
import io.imflux.proto.conversation.ConversationElem;
import io.imflux.proto.conversation.GetSortedConversationListReq;
import io.imflux.proto.conversation.GetSortedConversationListResp;
import io.imflux.proto.conversation.MsgInfo;
import io.imflux.proto.sdkws.GroupInfo;
import io.imflux.proto.sdkws.MsgData;
import io.imflux.user.User;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * {@code /conversation/get_sorted_conversation_list} (spec/api-conversation.md §6.1): the user's conversations with
 * unread counts and latest message, pinned first, newest first, then paged. Equal times are ordered by
 * conversationID, so none is lost (the reference drops all but one).
 */
@Service
class SortedConversationService {

  private static final Comparator<Sortable> ORDER = Comparator.comparing((Sortable s) -> !s.state().conversation()
          .getIsPinned())
      .thenComparing(Comparator.comparingLong(Sortable::key).reversed())
      .thenComparing(s -> s.state().conversation().getConversationID());

  private final ConversationStore store;
  private final ChatStates states;
  private final ChatPeers peers;
  private final Dialect dialect;

  SortedConversationService(ConversationStore store, ChatStates states, ChatPeers peers, Dialect dialect) {
    this.store = store;
    this.states = states;
    this.peers = peers;
    this.dialect = dialect;
  }

  /** A conversation with its sort key: the latest message's send time, else the record's creation time. */
  private record Sortable(ChatState state, long key) {}

  Mono<GetSortedConversationListResp> sorted(ApiRequest<GetSortedConversationListReq> request) {
    return Mono.defer(() -> {
      GetSortedConversationListReq body = request.body();
      String userID = body.getUserID();
      require(!userID.isEmpty(), "userID is empty");
      Paging paging = Paging.required(request.has("pagination"), body.getPagination());
      request.operator().requireSelfOrAdmin(userID);
      Mono<List<String>> ids = body.getConversationIDsCount() == 0
          ? store.conversationIDs(userID)
          : Mono.just(body.getConversationIDsList());
      // Only the user's own conversations count: unread totals of IDs they have no record of are not theirs to see.
      return ids.flatMap(wanted -> store.findAllDated(userID, wanted).collectList())
          .filter(records -> !records.isEmpty())
          .switchIfEmpty(Mono.error(() -> new ImError(ErrorKind.RECORD_NOT_FOUND, "no conversations")))
          .flatMap(records -> states.of(userID, records).collectList())
          .flatMap(found -> decorate(userID, found, paging));
    });
  }

  private Mono<GetSortedConversationListResp> decorate(String userID, List<ChatState> found, Paging paging) {
    List<Sortable> sorted = new ArrayList<>(found.size());
    Set<String> userIDs = new HashSet<>();
    Set<String> groupIDs = new HashSet<>();
    long unreadTotal = 0;
    long withMessage = 0;
    for (ChatState state : found) {
      unreadTotal += state.unread();
      MsgData latest = state.latest();
      if (latest != null) {
        withMessage++;
        userIDs.add(latest.getSendID());
        userIDs.add(latest.getRecvID());
        if (!latest.getGroupID().isEmpty()) {
          groupIDs.add(latest.getGroupID());
        }
      }
      sorted.add(new Sortable(state, latest != null ? latest.getSendTime() : state.createTime()));
    }
    sorted.sort(ORDER);
    List<Sortable> page = paging.slice(sorted);
    long total = withMessage;
    long unread = unreadTotal;
    return Mono.zip(peers.users(userIDs), peers.groups(groupIDs)).map(known -> {
      GetSortedConversationListResp.Builder resp = GetSortedConversationListResp.newBuilder()
          .setConversationTotal(total)
          .setUnreadTotal(unread);
      for (Sortable item : page) {
        ChatState state = item.state();
        ConversationElem.Builder elem = ConversationElem.newBuilder()
            .setConversationID(state.conversation().getConversationID())
            .setRecvMsgOpt(state.conversation().getRecvMsgOpt())
            .setUnreadCount(state.unread())
            .setIsPinned(state.conversation().getIsPinned());
        if (state.latest() != null) {
          elem.setMsgInfo(msgInfo(userID, state.latest(), known.getT1(), known.getT2()));
        }
        resp.addConversationElems(elem);
      }
      return resp.build();
    });
  }

  /**
   * The latest message as the list shows it: in a single chat the name and face of the other user when the user sent
   * it, else of the sender; in a group the sender's name and the group's details.
   */
  private MsgInfo msgInfo(String userID, MsgData msg, Map<String, User> users, Map<String, GroupInfo> groups) {
    MsgInfo.Builder info = MsgInfo.newBuilder()
        .setServerMsgID(msg.getServerMsgID())
        .setClientMsgID(msg.getClientMsgID())
        .setSessionType(msg.getSessionType())
        .setSendID(msg.getSendID())
        .setRecvID(msg.getRecvID())
        .setLatestMsgRecvTime(msg.getSendTime())
        .setMsgFrom(msg.getMsgFrom())
        .setContentType(dialect.contentTypeToClient(msg.getContentType(), msg.getSessionType()))
        .setContent(msg.getContent().toStringUtf8())
        .setEx(msg.getEx());
    switch (msg.getSessionType()) {
      case ConversationIds.SINGLE_CHAT -> {
        User shown = users.get(msg.getSendID().equals(userID) ? msg.getRecvID() : msg.getSendID());
        if (shown != null) {
          info.setSenderName(shown.nickname()).setFaceURL(shown.faceURL());
        }
      }
      case ConversationIds.GROUP_CHAT -> {
        info.setGroupID(msg.getGroupID());
        GroupInfo group = groups.get(msg.getGroupID());
        if (group != null) {
          info.setGroupName(group.getGroupName())
              .setGroupFaceURL(group.getFaceURL())
              .setGroupType(group.getGroupType())
              .setGroupMemberCount(group.getMemberCount());
        }
        User sender = users.get(msg.getSendID());
        if (sender != null) {
          info.setSenderName(sender.nickname());
        }
      }
      default -> {
        // Notification chats show no names, as in the reference.
      }
    }
    return info.build();
  }
}
