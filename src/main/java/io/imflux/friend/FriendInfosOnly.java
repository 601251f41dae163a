package io.imflux.friend;

import io.imflux.proto.relation.FriendInfoOnly;
import java.util.Collection;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Friend rows as other features show them ({@code FriendInfoOnly}, createTime in ms): the {@code /jssdk/*} routes put
 * the peer's row next to each single chat.
 */
@Component
public class FriendInfosOnly {

  private final FriendStore friends;

  FriendInfosOnly(FriendStore friends) {
    this.friends = friends;
  }

  /** The owner's rows of those of {@code friendUserIDs} that are friends, by friend ID. */
  public Mono<Map<String, FriendInfoOnly>> of(String ownerUserID, Collection<String> friendUserIDs) {
    return friends.findAll(ownerUserID, friendUserIDs)
        .flatMapMany(Flux::fromIterable)
        .map(friend -> FriendInfoOnly.newBuilder()
            .setOwnerUserID(friend.ownerUserID())
            .setFriendUserID(friend.friendUserID())
            .setRemark(friend.remark())
            .setCreateTime(friend.createTime())
            .setAddSource(friend.addSource())
            .setOperatorUserID(friend.operatorUserID())
            .setEx(friend.ex())
            .setIsPinned(friend.isPinned())
            .build())
        .collectMap(FriendInfoOnly::getFriendUserID);
  }
}
