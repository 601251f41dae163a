package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.ADD_FRIEND;
import static io.imflux.friend.FriendCalls.DESIGNATED_APPLY;
import static io.imflux.friend.FriendCalls.IS_FRIEND;
import static io.imflux.friend.FriendCalls.RESPOND;
import static io.imflux.friend.FriendCalls.SPECIFIED_BLACKS;
import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * A write whose version log cannot be written leaves nothing behind: the relation it created is taken back, the
 * request stays pending, and repeating the call once the log is writable completes it. The failure is real: the
 * owner's log document in the store is made unreadable, as a damaged document would be.
 */
@ImfluxTest
class FriendWriteFailureTest {

  @LocalServerPort
  int port;

  @Autowired
  MongoDatabase database;

  FriendCalls calls;

  @BeforeEach
  void client() {
    calls = new FriendCalls(new ApiClient(port));
  }

  @Test
  void anAcceptanceWhoseLogFailsMakesNoFriendsAndCanBeRepeated() {
    List<String> users = calls.users("fw", 2);
    String a = users.get(0);
    String b = users.get(1);
    calls.ok(ADD_FRIEND, a, Map.of("fromUserID", a, "toUserID", b));
    damageLog("friend", a);

    assertError(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1)), 500, "");
    JsonNode isFriend = data(calls.post(IS_FRIEND, a, Map.of("userID1", a, "userID2", b)));
    assertThat(isFriend.get("inUser1Friends").asBoolean()).isFalse();
    assertThat(isFriend.get("inUser2Friends").asBoolean()).isFalse();
    assertThat(calls.friendIDs(b)).isEmpty();
    assertThat(data(calls.post(DESIGNATED_APPLY, a, Map.of("fromUserID", a, "toUserID", b))).get("friendRequests")
        .get(0).get("handleResult").asInt()).isZero();

    repairLog("friend", a);
    assertEmptySuccess(calls.post(RESPOND, b, Map.of("fromUserID", a, "toUserID", b, "handleResult", 1)));
    assertThat(calls.friendIDs(a)).containsExactly(b);
    assertThat(calls.friendIDs(b)).containsExactly(a);
  }

  @Test
  void aBlockWhoseLogFailsBlocksNobodyAndCanBeRepeated() {
    List<String> users = calls.users("fw", 2);
    String owner = users.get(0);
    String other = users.get(1);
    damageLog("black", owner);

    assertError(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", other)), 500, "");
    assertThat(data(calls.post(SPECIFIED_BLACKS, owner, Map.of("ownerUserID", owner, "userIDList", List.of(other))))
        .get("total").asInt()).isZero();
    assertThat(calls.sendText(other, owner).errCode()).isZero();

    repairLog("black", owner);
    assertEmptySuccess(calls.post(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", other)));
    assertError(calls.sendText(other, owner), 1302, "");
  }

  /** A log document with an entry state no version of imflux writes. */
  private void damageLog(String kind, String owner) {
    Document damaged = new Document("_id", kind + ":" + owner)
        .append("versionID", "6650c1e2a4b5c6d7e8f90a1b")
        .append("version", 1L)
        .append("logs", List.of(new Document("eID", "x").append("state", 9).append("version", 1L)));
    Mono.from(database.getCollection("version_log").insertOne(damaged)).block();
  }

  private void repairLog(String kind, String owner) {
    Mono.from(database.getCollection("version_log").deleteOne(Filters.eq("_id", kind + ":" + owner))).block();
  }
}
