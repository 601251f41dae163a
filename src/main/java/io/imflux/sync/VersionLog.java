package io.imflux.sync;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.reactivestreams.client.MongoCollection;
import io.imflux.cluster.mongo.IdAndFieldFilter;
import java.time.Clock;
import java.util.Collection;
import java.util.Set;
import org.bson.Document;
import org.bson.types.ObjectId;
import reactor.core.publisher.Mono;

/**
 * The version logs of one kind of list (friend lists, blacklists ...): per owner one document, {@code _id} = kind +
 * ":" + ownerID, so every read and write is one lookup by {@code _id} even on the embedded store. Writes compare the
 * version they read and try again when another writer came first, so concurrent batches never lose an entry and every
 * batch gets its own version. Obtain instances from {@link VersionLogs#of}.
 */
public final class VersionLog {

  /** The element ID recorded when the order of the list changed (a friend pinned, a member's role changed). */
  public static final String SORT_MARKER = "____S_O_R_T_I_D____";

  /** A client more than this many changed elements behind resyncs fully (spec/api-friend.md §Incremental sync). */
  public static final int SYNC_LIMIT = 200;

  /** Entries kept per owner; must stay above {@link #SYNC_LIMIT} (see {@link LogDocument#record}). */
  static final int MAX_ENTRIES = 1000;

  /** A batch that keeps losing the race to other writers of the same owner fails after this many more tries. */
  static final int MAX_ATTEMPTS = 32;

  private static final String ZERO_ID = "000000000000000000000000";

  private final String kind;
  private final MongoCollection<Document> logs;
  private final Clock clock;

  /** The log document's version field (see {@link LogDocument}), its compare-and-set key with {@code _id}. */
  static final String VERSION = "version";

  VersionLog(String kind, MongoCollection<Document> logs, Clock clock) {
    this.kind = kind;
    this.logs = logs;
    this.clock = clock;
  }

  /** The owner's current head; an owner without a log gets one now (version 1, no entries). */
  public Mono<VersionHead> head(String ownerID) {
    return Mono.defer(() -> Mono.from(logs.find(Filters.eq("_id", key(ownerID)))
                .projection(Projections.exclude("logs")).first()))
        .map(document -> LogDocument.fromBson(document).head())
        .switchIfEmpty(Mono.defer(() -> create(ownerID, Set.of(), ChangeState.UPDATE)))
        .repeatWhenEmpty(MAX_ATTEMPTS, attempts -> attempts);
  }

  /**
   * Records one change batch: the owner's version grows by one and every element of {@code elementIDs} is logged with
   * {@code state} at that version, replacing its earlier entry. Call it after the change itself is stored.
   *
   * @return the head after the batch
   */
  public Mono<VersionHead> record(String ownerID, Collection<String> elementIDs, ChangeState state) {
    if (elementIDs.isEmpty()) {
      return Mono.error(new IllegalArgumentException("a change batch needs at least one element"));
    }
    return Mono.defer(() -> attemptRecord(ownerID, elementIDs, state))
        .repeatWhenEmpty(MAX_ATTEMPTS, attempts -> attempts);
  }

  /**
   * What changed since the client's {@code versionID} and {@code version} (spec/api-friend.md §Incremental sync):
   * a full resync for an invalid or zero versionID, version 0, a versionID that is not the log's, a version newer
   * than the log's, or more than {@link #SYNC_LIMIT} changed elements; nothing when the client is up to date;
   * otherwise the changed element IDs. The elements of {@code markerIDs} are reported in {@link Delta#markers()} only.
   */
  public Mono<Delta> changesSince(String ownerID, String versionID, long version, Set<String> markerIDs) {
    return head(ownerID).flatMap(head -> {
      if (!isValidID(versionID) || version == 0 || !versionID.equals(head.versionID())) {
        return Mono.just(Delta.full(head));
      }
      if (version == head.version()) {
        return Mono.just(Delta.unchanged(head));
      }
      return Mono.from(logs.find(Filters.eq("_id", key(ownerID))).first())
          .map(LogDocument::fromBson)
          .map(current -> current.versionID().equals(versionID)
              ? current.since(version, SYNC_LIMIT, markerIDs)
              : Delta.full(current.head()))
          .switchIfEmpty(Mono.defer(() -> head(ownerID).map(Delta::full)));
    });
  }

  private Mono<VersionHead> attemptRecord(String ownerID, Collection<String> elementIDs, ChangeState state) {
    return Mono.from(logs.find(Filters.eq("_id", key(ownerID))).first())
        .map(LogDocument::fromBson)
        .flatMap(current -> {
          LogDocument next = current.record(elementIDs, state, clock.millis(), MAX_ENTRIES);
          return Mono.from(logs.replaceOne(
                  IdAndFieldFilter.of(key(ownerID), VERSION, current.version()),
                  next.toBson(key(ownerID))))
              .filter(result -> result.getMatchedCount() == 1)
              .map(result -> next.head());
        })
        .switchIfEmpty(Mono.defer(() -> create(ownerID, elementIDs, state)));
  }

  /** Inserts a new log; empty when another writer created it first (the caller reads it again). */
  private Mono<VersionHead> create(String ownerID, Collection<String> elementIDs, ChangeState state) {
    LogDocument created = LogDocument.create(new ObjectId().toHexString(), elementIDs, state, clock.millis());
    return Mono.from(logs.insertOne(created.toBson(key(ownerID))))
        .map(result -> created.head())
        .onErrorResume(MongoWriteException.class, e -> e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
            ? Mono.empty()
            : Mono.error(e));
  }

  private String key(String ownerID) {
    return kind + ":" + ownerID;
  }

  private static boolean isValidID(String versionID) {
    return ObjectId.isValid(versionID) && !versionID.equals(ZERO_ID);
  }
}
