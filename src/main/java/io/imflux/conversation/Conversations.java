package io.imflux.conversation;

import io.imflux.proto.conversation.Conversation;
import io.imflux.sync.ChangeState;
import io.imflux.sync.VersionLog;
import io.imflux.sync.VersionLogs;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Every change to users' conversation records, together with the owners' version logs (spec/api-conversation.md
 * §4): the records first, then the logs, so a client never syncs a version whose record is missing. Notifications are
 * the caller's: whether a change tells the owner depends on why it happened.
 */
@Component
public class Conversations {

  /**
   * What latestMsgDestructTime holds until the first destruct run: the reference's zero time 0001-01-01 in ms
   * (spec/api-conversation.md §3.1).
   */
  public static final long NEVER_DESTRUCTED = -62135596800000L;

  private final ConversationStore store;
  private final DeletedConversations deleted;
  private final VersionLog versions;
  private final Clock clock;

  public Conversations(ConversationStore store, DeletedConversations deleted, VersionLogs logs, Clock clock) {
    this.store = store;
    this.deleted = deleted;
    this.versions = logs.of("conversation");
    this.clock = clock;
  }

  /** The conversation version log: owner = the user, elements = conversation IDs. */
  public VersionLog log() {
    return versions;
  }

  /** A record with the defaults of a server-created one (spec/api-conversation.md §3.2). */
  public static Conversation.Builder blank(String ownerUserID, String conversationID, int conversationType,
      String userID, String groupID) {
    return Conversation.newBuilder()
        .setOwnerUserID(ownerUserID)
        .setConversationID(conversationID)
        .setConversationType(conversationType)
        .setUserID(userID)
        .setGroupID(groupID)
        .setLatestMsgDestructTime(NEVER_DESTRUCTED);
  }

  /** Creates the records that do not exist and logs each as an insert; answers the ones it created. */
  public Mono<List<Conversation>> create(List<Conversation> wanted) {
    return createRecords(wanted).flatMap(created -> logCreated(created).thenReturn(created));
  }

  /**
   * Creates the records that do not exist, without logging them yet: for the message pipeline, which must not wait
   * for many owners' logs before it acknowledges (call {@link #logCreated} afterwards).
   */
  public Mono<List<Conversation>> createRecords(List<Conversation> wanted) {
    return Mono.defer(() -> store.createIfAbsent(wanted, clock.millis()));
  }

  /** Logs records {@link #createRecords} created, one insert batch per owner. */
  public Mono<Void> logCreated(List<Conversation> created) {
    Map<String, List<String>> byOwner = new LinkedHashMap<>();
    for (Conversation c : created) {
      byOwner.computeIfAbsent(c.getOwnerUserID(), owner -> new ArrayList<>()).add(c.getConversationID());
    }
    return Flux.fromIterable(byOwner.entrySet())
        .concatMap(owner -> versions.record(owner.getKey(), owner.getValue(), ChangeState.INSERT))
        .then();
  }

  /**
   * Applies the patch to the owners' records of one conversation and logs an update for every listed owner, also one
   * without a record (the reference's rule; resolving drops the ID again). An empty patch writes nothing.
   */
  public Mono<Void> update(Collection<String> ownerUserIDs, String conversationID, ConversationPatch patch) {
    if (patch.isEmpty() || ownerUserIDs.isEmpty()) {
      return Mono.empty();
    }
    return store.update(ownerUserIDs, conversationID, patch.updates())
        .thenMany(Flux.fromIterable(new LinkedHashSet<>(ownerUserIDs)))
        .concatMap(owner -> versions.record(owner, List.of(conversationID), ChangeState.UPDATE))
        .then();
  }

  /**
   * Deletes the owner's records of these conversations and logs one delete per ID, also for IDs the owner had no
   * record of (spec/api-conversation.md §6.11). The deleted ones are remembered, so that a later message brings
   * them back (§5.1, our decision).
   */
  public Mono<Void> delete(String ownerUserID, List<String> conversationIDs) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(conversationIDs));
    if (distinct.isEmpty()) {
      return Mono.empty();
    }
    return store.findAll(ownerUserID, distinct).map(Conversation::getConversationID).collectList()
        .flatMap(existing -> deleted.remember(ownerUserID, existing, clock.millis())
            .then(store.delete(ownerUserID, distinct)))
        .thenMany(Flux.fromIterable(distinct))
        .concatMap(id -> versions.record(ownerUserID, List.of(id), ChangeState.DELETE))
        .then();
  }
}
