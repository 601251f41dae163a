package io.imflux.sync;

import com.mongodb.reactivestreams.client.MongoCollection;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.mongo.IdAndFieldFilter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Hands out the {@link VersionLog} of each kind of list. Every kind lives in the one collection {@code version_log},
 * keyed by kind and owner; kinds in use: {@code friend}, {@code black}.
 */
@Component
public class VersionLogs {

  static final String COLLECTION = "version_log";

  private final MongoCollection<Document> logs;
  private final Clock clock;
  private final Map<String, VersionLog> byKind = new ConcurrentHashMap<>();

  public VersionLogs(MongoDatabase database, Clock clock) {
    this.logs = database.getCollection(COLLECTION);
    this.clock = clock;
    IdAndFieldFilter.index(logs, VersionLog.VERSION);
  }

  /**
   * The log of one kind of list, e.g. {@code "friend"} (owner = the user whose friend list it is) or
   * {@code "group_member"} (owner = the group). The kind must not contain {@code ':'}.
   */
  public VersionLog of(String kind) {
    if (kind.isEmpty() || kind.indexOf(':') >= 0) {
      throw new IllegalArgumentException("bad version log kind: " + kind);
    }
    return byKind.computeIfAbsent(kind, k -> new VersionLog(k, logs, clock));
  }
}
