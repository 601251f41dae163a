package io.imflux.testing;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.group.GroupDirectory;
import io.imflux.group.MongoGroupDirectory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import reactor.core.publisher.Mono;

/**
 * Groups for tests of features that read groups, until the groups feature writes them: documents in its collections
 * by hand ({@link MongoGroupDirectory}'s schema), with the directory's cache told of every change.
 */
public final class HandWrittenGroups {

  private static final Duration WAIT = Duration.ofSeconds(10);

  private final MongoDatabase database;
  private final MongoGroupDirectory directory;

  public HandWrittenGroups(MongoDatabase database, MongoGroupDirectory directory) {
    this.database = database;
    this.directory = directory;
  }

  /**
   * A new working group (type 2) named "name of &lt;groupID&gt;" with face "https://face/&lt;groupID&gt;", owned by
   * {@code owner}, with the other members at their role levels (20 ordinary, 60 admin).
   */
  public String create(String owner, Map<String, Integer> otherMembers) {
    String groupID = ApiClient.uniqueId("grp");
    insert("group", new Document("_id", groupID).append("groupName", "name of " + groupID)
        .append("faceURL", "https://face/" + groupID).append("ownerUserID", owner)
        .append("status", GroupDirectory.STATUS_OK).append("groupType", 2));
    member(groupID, owner, GroupDirectory.ROLE_OWNER);
    otherMembers.forEach((userID, role) -> member(groupID, userID, role));
    directory.invalidate(groupID, otherMembers.keySet());
    return groupID;
  }

  public void member(String groupID, String userID, int roleLevel) {
    insert("group_member", new Document("_id", groupID + ":" + userID).append("groupID", groupID)
        .append("userID", userID).append("roleLevel", roleLevel).append("muteEndTime", 0L));
    directory.invalidate(groupID, List.of(userID));
  }

  public void leave(String groupID, String userID) {
    Mono.from(database.getCollection("group_member")
        .deleteOne(new Document("_id", groupID + ":" + userID))).block(WAIT);
    directory.invalidate(groupID, List.of(userID));
  }

  public void setStatus(String groupID, int status) {
    Mono.from(database.getCollection("group").updateOne(new Document("_id", groupID),
        new Document("$set", new Document("status", status)))).block(WAIT);
    directory.invalidate(groupID, List.of());
  }

  private void insert(String collection, Document document) {
    Mono.from(database.getCollection(collection).insertOne(document)).block(WAIT);
  }
}
