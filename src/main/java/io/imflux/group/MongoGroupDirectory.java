package io.imflux.group;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.HotCache;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads groups from MongoDB: collection {@code group} ({@code _id} = groupID) and {@code group_member}
 * ({@code _id} = groupID + ":" + userID, with {@code groupID}, {@code userID}, {@code roleLevel},
 * {@code muteEndTime}), cached because every group message needs them. The groups feature writes these collections
 * and calls {@link #invalidate}.
 */
@Component
public class MongoGroupDirectory implements GroupDirectory {

  private final MongoCollection<Document> groups;
  private final MongoCollection<Document> members;
  private final HotCache<String, Group> groupCache = new HotCache<>(50_000, Duration.ofMinutes(10));
  private final HotCache<String, Member> memberCache = new HotCache<>(500_000, Duration.ofMinutes(10));
  private final HotCache<String, List<String>> memberIDsCache = new HotCache<>(50_000, Duration.ofMinutes(10));

  public MongoGroupDirectory(MongoDatabase database) {
    this.groups = database.getCollection("group");
    this.members = database.getCollection("group_member");
    Mono.from(members.createIndex(Indexes.ascending("groupID"))).subscribe();
  }

  @Override
  public Mono<Group> group(String groupID) {
    return groupCache.get(groupID, id -> Mono.from(groups.find(Filters.eq("_id", id)).first()).map(d -> new Group(
        d.getString("_id"), d.get("groupName", ""), d.get("faceURL", ""), d.get("ownerUserID", ""),
        d.get("status", 0), d.get("groupType", 2))));
  }

  @Override
  public Mono<Member> member(String groupID, String userID) {
    return memberCache.get(groupID + ":" + userID, id -> Mono.from(members.find(Filters.eq("_id", id)).first())
        .map(d -> new Member(groupID, userID, d.get("roleLevel", ROLE_ORDINARY), longOf(d.get("muteEndTime")))));
  }

  @Override
  public Flux<String> memberIDs(String groupID) {
    return memberIDsCache.get(groupID, id -> Flux.from(members.find(Filters.eq("groupID", id)))
            .map(d -> d.getString("userID"))
            .collectList())
        .flatMapIterable(ids -> ids);
  }

  /** For the groups feature: call once a group or its members changed, through {@link HotCache#invalidatingAfter}. */
  public void invalidate(String groupID, Collection<String> changedUserIDs) {
    groupCache.invalidate(groupID);
    memberIDsCache.invalidate(groupID);
    memberCache.invalidateAll(changedUserIDs.stream().map(userID -> groupID + ":" + userID).toList());
  }

  private static long longOf(Object value) {
    return value instanceof Number n ? n.longValue() : 0;
  }
}
