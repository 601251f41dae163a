package io.imflux.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;

/**
 * One owner's version log as stored, and the rules over it that need no database: recording a change batch and
 * answering "what changed since version v". Entries are kept in version order, at most one per element.
 *
 * @param pruned the newest version among entries dropped to keep the document bounded (0 = none dropped); a client
 *               older than that resyncs fully, which the sync limit would make it do anyway
 */
record LogDocument(String versionID, long version, long pruned, long lastUpdate, List<Entry> entries) {

  /** An element's latest change: its state and the version it was recorded at. */
  record Entry(String elementID, ChangeState state, long version, long lastUpdate) {}

  LogDocument {
    entries = List.copyOf(entries);
  }

  VersionHead head() {
    return new VersionHead(versionID, version);
  }

  /** A new log at version 1 holding the first batch (none for a log created by a query). */
  static LogDocument create(String versionID, Collection<String> elementIDs, ChangeState state, long now) {
    List<Entry> entries = new ArrayList<>();
    for (String elementID : new LinkedHashSet<>(elementIDs)) {
      entries.add(new Entry(elementID, state, 1, now));
    }
    return new LogDocument(versionID, 1, 0, now, entries);
  }

  /**
   * The log after one more batch: the version grows by one and every element's entry moves to the end with it.
   * Beyond {@code maxEntries} the oldest entries are dropped; any {@code maxEntries} above the sync limit keeps every
   * answer of {@link #since} the same, because a client that would need a dropped entry has more than the limit to
   * catch up on.
   */
  LogDocument record(Collection<String> elementIDs, ChangeState state, long now, int maxEntries) {
    Set<String> changed = new LinkedHashSet<>(elementIDs);
    long next = version + 1;
    List<Entry> kept = new ArrayList<>(entries.size() + changed.size());
    for (Entry entry : entries) {
      if (!changed.contains(entry.elementID())) {
        kept.add(entry);
      }
    }
    for (String elementID : changed) {
      kept.add(new Entry(elementID, state, next, now));
    }
    long prunedTo = pruned;
    int excess = kept.size() - maxEntries;
    if (excess > 0) {
      prunedTo = Math.max(prunedTo, kept.get(excess - 1).version());
      kept = kept.subList(excess, kept.size());
    }
    return new LogDocument(versionID, next, prunedTo, now, kept);
  }

  /**
   * What changed after {@code clientVersion} of this same log (spec/api-friend.md §Incremental sync, step 4): a full
   * resync when the client claims a newer version, when entries it needs were pruned, or when more than {@code limit}
   * entries changed (markers count); otherwise the changed element IDs by state, markers apart.
   */
  Delta since(long clientVersion, int limit, Set<String> markerIDs) {
    if (version < clientVersion || clientVersion < pruned) {
      return Delta.full(head());
    }
    int first = entries.size();
    while (first > 0 && entries.get(first - 1).version() > clientVersion) {
      first--;
    }
    List<Entry> changed = entries.subList(first, entries.size());
    if (changed.size() > limit) {
      return Delta.full(head());
    }
    List<String> inserted = new ArrayList<>();
    List<String> updated = new ArrayList<>();
    List<String> deleted = new ArrayList<>();
    Map<String, Long> markers = new HashMap<>();
    for (Entry entry : changed) {
      if (markerIDs.contains(entry.elementID())) {
        markers.put(entry.elementID(), entry.version());
        continue;
      }
      switch (entry.state()) {
        case INSERT -> inserted.add(entry.elementID());
        case UPDATE -> updated.add(entry.elementID());
        case DELETE -> deleted.add(entry.elementID());
      }
    }
    return new Delta(head(), false, inserted, updated, deleted, markers);
  }

  Document toBson(String id) {
    List<Document> logs = new ArrayList<>(entries.size());
    for (Entry entry : entries) {
      logs.add(new Document("eID", entry.elementID())
          .append("state", entry.state().code())
          .append("version", entry.version())
          .append("lastUpdate", entry.lastUpdate()));
    }
    return new Document("_id", id)
        .append("versionID", versionID)
        .append("version", version)
        .append("pruned", pruned)
        .append("lastUpdate", lastUpdate)
        .append("logs", logs);
  }

  static LogDocument fromBson(Document document) {
    List<Entry> entries = new ArrayList<>();
    for (Document log : document.getList("logs", Document.class, List.of())) {
      entries.add(new Entry(log.getString("eID"), ChangeState.of(log.getInteger("state")),
          longOf(log.get("version")), longOf(log.get("lastUpdate"))));
    }
    return new LogDocument(document.getString("versionID"), longOf(document.get("version")),
        longOf(document.get("pruned")), longOf(document.get("lastUpdate")), entries);
  }

  static long longOf(Object value) {
    return value instanceof Number number ? number.longValue() : 0;
  }
}
