package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.DELETE;
import static io.imflux.friend.FriendCalls.FULL_IDS;
import static io.imflux.friend.FriendCalls.IMPORT;
import static io.imflux.friend.FriendCalls.INCREMENTAL;
import static io.imflux.friend.FriendCalls.INCREMENTAL_BLACKS;
import static io.imflux.friend.FriendCalls.REMARK;
import static io.imflux.friend.FriendCalls.REMOVE_BLACK;
import static io.imflux.friend.FriendCalls.UPDATE;
import static io.imflux.friend.FriendListRoutesTest.friendUserIDs;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static io.imflux.testing.Envelopes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.sync.IdHash;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Incremental sync of friend lists and blacklists over their version logs (spec/api-friend.md §16, §17, §22 and
 * §Incremental sync), as a client runs it: keep the answer's versionID and version, send them back next time.
 */
@ImfluxTest
class FriendSyncRoutesTest {

  static final List<String> INCREMENTAL_KEYS =
      List.of("version", "versionID", "full", "delete", "insert", "update", "sortVersion");

  @LocalServerPort
  int port;

  FriendCalls calls;
  ApiClient client;

  @BeforeEach
  void client() {
    client = new ApiClient(port);
    calls = new FriendCalls(client);
  }

  @Test
  void aClientFollowsEveryChangeOneVersionAtATime() {
    List<String> users = calls.users("fs", 2);
    String owner = users.get(0);
    String friend = users.get(1);
    JsonNode first = calls.incremental(owner, "", 0);
    assertThat(keys(first)).isEqualTo(INCREMENTAL_KEYS);
    assertThat(first.get("full").asBoolean()).isTrue();
    assertThat(first.get("version").asLong()).isEqualTo(1);
    assertThat(first.get("versionID").asString()).matches("[0-9a-f]{24}");
    assertThat(first.get("insert").values()).isEmpty();
    String versionID = first.get("versionID").asString();

    calls.befriend(owner, friend);
    JsonNode inserted = calls.incremental(owner, versionID, 1);
    assertThat(inserted.get("full").asBoolean()).isFalse();
    assertThat(inserted.get("version").asLong()).isEqualTo(2);
    assertThat(inserted.get("versionID").asString()).isEqualTo(versionID);
    assertThat(friendUserIDs(inserted.get("insert"))).containsExactly(friend);
    assertThat(inserted.get("insert").get(0).get("friendUser").get("nickname").asString()).isEqualTo(friend);
    assertThat(inserted.get("update").values()).isEmpty();
    assertThat(inserted.get("sortVersion").asLong()).isZero();

    calls.ok(REMARK, owner, Map.of("ownerUserID", owner, "friendUserID", friend, "remark", "pal"));
    JsonNode updated = calls.incremental(owner, versionID, 2);
    assertThat(updated.get("version").asLong()).isEqualTo(3);
    assertThat(updated.get("insert").values()).isEmpty();
    assertThat(updated.get("update").get(0).get("remark").asString()).isEqualTo("pal");

    calls.ok(DELETE, owner, Map.of("ownerUserID", owner, "friendUserID", friend));
    JsonNode deleted = calls.incremental(owner, versionID, 3);
    assertThat(texts(deleted.get("delete"))).containsExactly(friend);
    assertThat(deleted.get("update").values()).isEmpty();

    JsonNode sinceTheStart = calls.incremental(owner, versionID, 1);
    assertThat(texts(sinceTheStart.get("delete"))).containsExactly(friend);
    assertThat(sinceTheStart.get("insert").values()).as("no longer a friend: left out").isEmpty();

    JsonNode upToDate = calls.incremental(owner, versionID, 4);
    assertThat(upToDate.get("full").asBoolean()).isFalse();
    assertThat(upToDate.get("version").asLong()).isEqualTo(4);
    assertThat(upToDate.get("delete").values()).isEmpty();
    // The friend's own list changed only when the friend was added.
    assertThat(calls.incremental(friend, "", 0).get("version").asLong()).isEqualTo(1);
  }

  @Test
  void aForeignVersionIDOrANewerVersionMeansAFullResync() {
    String owner = calls.users("fs", 1).get(0);
    String versionID = calls.incremental(owner, "", 0).get("versionID").asString();
    assertThat(calls.incremental(owner, "6650c1e2a4b5c6d7e8f90a1b", 1).get("full").asBoolean()).isTrue();
    assertThat(calls.incremental(owner, versionID.toUpperCase(), 1).get("full").asBoolean()).isTrue();
    JsonNode ahead = calls.incremental(owner, versionID, 7);
    assertThat(ahead.get("full").asBoolean()).isTrue();
    assertThat(ahead.get("version").asLong()).isEqualTo(1);
    assertThat(ahead.get("versionID").asString()).isEqualTo(versionID);
  }

  @Test
  void pinningReportsTheSortVersionAndOtherFieldsDoNot() {
    List<String> users = calls.users("fs", 3);
    String owner = users.get(0);
    client.ok(IMPORT, client.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", users.subList(1, 3)));
    JsonNode start = calls.incremental(owner, "", 0);
    String versionID = start.get("versionID").asString();
    long version = start.get("version").asLong();

    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(2)), "isPinned", true));
    JsonNode pinned = calls.incremental(owner, versionID, version);
    assertThat(pinned.get("sortVersion").asLong()).isEqualTo(version + 1);
    assertThat(friendUserIDs(pinned.get("update"))).containsExactly(users.get(2));
    assertThat(pinned.get("update").get(0).get("isPinned").asBoolean()).isTrue();

    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(1)), "ex", "x"));
    JsonNode other = calls.incremental(owner, versionID, version + 1);
    assertThat(other.get("sortVersion").asLong()).isZero();
    assertThat(friendUserIDs(other.get("update"))).containsExactly(users.get(1));
  }

  @Test
  void moreThanTwoHundredChangedFriendsMeanAFullResyncAndTheSortMarkerCounts() {
    List<String> users = calls.users("fs", 201);
    String owner = users.get(0);
    String versionID = calls.incremental(owner, "", 0).get("versionID").asString();
    client.ok(IMPORT, client.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", users.subList(1, 200)));

    JsonNode imported = calls.incremental(owner, versionID, 1);
    assertThat(imported.get("full").asBoolean()).isFalse();
    assertThat(imported.get("version").asLong()).isEqualTo(2);
    assertThat(imported.get("insert").values()).hasSize(199);

    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(5)), "isPinned", true));
    JsonNode twoHundred = calls.incremental(owner, versionID, 1);
    assertThat(twoHundred.get("full").asBoolean()).as("199 friends and the sort marker").isFalse();
    assertThat(twoHundred.get("insert").values()).hasSize(198);
    assertThat(friendUserIDs(twoHundred.get("update"))).containsExactly(users.get(5));
    assertThat(twoHundred.get("sortVersion").asLong()).isEqualTo(3);

    client.ok(IMPORT, client.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(200))));
    JsonNode over = calls.incremental(owner, versionID, 1);
    assertThat(over.get("full").asBoolean()).isTrue();
    assertThat(over.get("version").asLong()).isEqualTo(4);
    assertThat(over.get("insert").values()).isEmpty();
    assertThat(over.get("update").values()).isEmpty();
    assertThat(over.get("delete").values()).isEmpty();
    assertThat(over.get("sortVersion").asLong()).isZero();

    JsonNode recent = calls.incremental(owner, versionID, 2);
    assertThat(recent.get("full").asBoolean()).isFalse();
    assertThat(friendUserIDs(recent.get("insert"))).containsExactly(users.get(200));
    assertThat(recent.get("sortVersion").asLong()).isEqualTo(3);
  }

  @Test
  void theFullIdListIsLeftOutWhenTheClientsHashMatches() {
    List<String> users = calls.users("fs", 4);
    String owner = users.get(0);
    JsonNode none = data(calls.post(FULL_IDS, owner, Map.of("userID", owner)));
    assertThat(keys(none)).containsExactly("version", "versionID", "equal", "userIDs");
    assertThat(none.get("equal").asBoolean()).as("an empty list hashes to 0").isTrue();
    assertThat(none.get("userIDs").values()).isEmpty();

    client.ok(IMPORT, client.adminToken(), Map.of("ownerUserID", owner, "friendUserIDs", users.subList(1, 4)));
    calls.ok(UPDATE, owner, Map.of("ownerUserID", owner, "friendUserIDs", List.of(users.get(3)), "isPinned", true));
    List<String> ordered = List.of(users.get(3), users.get(1), users.get(2));
    JsonNode full = data(calls.post(FULL_IDS, owner, Map.of("userID", owner, "idHash", 0)));
    assertThat(full.get("equal").asBoolean()).isFalse();
    assertThat(texts(full.get("userIDs"))).isEqualTo(ordered);
    JsonNode incremental = calls.incremental(owner, "", 0);
    assertThat(full.get("version").asLong()).isEqualTo(incremental.get("version").asLong());
    assertThat(full.get("versionID").asString()).isEqualTo(incremental.get("versionID").asString());

    String hash = Long.toUnsignedString(IdHash.of(ordered));
    JsonNode equal = data(calls.client.post(FULL_IDS, calls.token(owner),
        "{\"userID\":\"" + owner + "\",\"idHash\":" + hash + "}"));
    assertThat(equal.get("equal").asBoolean()).isTrue();
    assertThat(equal.get("userIDs").values()).isEmpty();

    assertError(calls.post(FULL_IDS, owner, Map.of()), 1001, "userID is empty");
    assertError(calls.post(FULL_IDS, owner, Map.of("userID", users.get(1))), 1002, "");
  }

  @Test
  void aNewNameOrFaceIsAnUpdateInTheLogsOfFriendsAndOfWhoeverBlockedTheUser() {
    List<String> users = calls.users("fs", 3);
    String changed = users.get(0);
    String friend = users.get(1);
    String blocker = users.get(2);
    calls.befriend(friend, changed);
    calls.ok(ADD_BLACK, blocker, Map.of("ownerUserID", blocker, "blackUserID", changed));
    JsonNode friendStart = calls.incremental(friend, "", 0);
    JsonNode blackStart = incrementalBlacks(blocker, "", 0);

    calls.ok("/user/update_user_info_ex", changed, Map.of("userInfo", Map.of("userID", changed, "ex", "only ex")));
    assertThat(calls.incremental(friend, friendStart.get("versionID").asString(), friendStart.get("version").asLong())
        .get("version").asLong()).as("ex alone changes nothing shown").isEqualTo(friendStart.get("version").asLong());

    calls.ok("/user/update_user_info_ex", changed, Map.of("userInfo", Map.of("userID", changed, "nickname", "Neo")));
    JsonNode friendDelta = calls.incremental(friend, friendStart.get("versionID").asString(),
        friendStart.get("version").asLong());
    assertThat(friendUserIDs(friendDelta.get("update"))).containsExactly(changed);
    assertThat(friendDelta.get("update").get(0).get("friendUser").get("nickname").asString()).isEqualTo("Neo");
    JsonNode blackDelta = incrementalBlacks(blocker, blackStart.get("versionID").asString(),
        blackStart.get("version").asLong());
    assertThat(blackDelta.get("update").get(0).get("blackUserInfo").get("nickname").asString()).isEqualTo("Neo");
    assertThat(calls.incremental(changed, "", 0).get("version").asLong())
        .as("only the friendship's insert is in the changed user's own log").isEqualTo(1);
  }

  @Test
  void theBlacklistSyncsIncrementallyToo() {
    List<String> users = calls.users("fs", 3);
    String owner = users.get(0);
    JsonNode start = incrementalBlacks(owner, "", 0);
    assertThat(keys(start)).containsExactly("version", "versionID", "full", "delete", "insert", "update");
    assertThat(start.get("full").asBoolean()).isTrue();
    String versionID = start.get("versionID").asString();

    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1)));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(2)));
    calls.ok(ADD_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(2)));
    JsonNode added = incrementalBlacks(owner, versionID, 1);
    assertThat(added.get("version").asLong()).as("blocking twice logs once").isEqualTo(3);
    assertThat(BlackRoutesTest.blackUserIDs(added.get("insert"))).containsExactly(users.get(1), users.get(2));

    calls.ok(REMOVE_BLACK, owner, Map.of("ownerUserID", owner, "blackUserID", users.get(1)));
    JsonNode removed = incrementalBlacks(owner, versionID, 1);
    assertThat(texts(removed.get("delete"))).containsExactly(users.get(1));
    assertThat(BlackRoutesTest.blackUserIDs(removed.get("insert"))).containsExactly(users.get(2));
  }

  @Test
  void onlyTheOwnerOrAnAdminSyncs() {
    List<String> users = calls.users("fs", 2);
    Map<String, Object> other = Map.of("userID", users.get(1), "versionID", "", "version", 0);
    assertError(calls.post(INCREMENTAL, users.get(0), other), 1002, "");
    assertError(calls.post(INCREMENTAL_BLACKS, users.get(0), other), 1002, "");
    assertThat(data(client.post(INCREMENTAL, client.adminToken(), other)).get("full").asBoolean()).isTrue();
    assertThat(data(client.post(INCREMENTAL_BLACKS, client.adminToken(), other)).get("full").asBoolean()).isTrue();
  }

  private JsonNode incrementalBlacks(String owner, String versionID, long version) {
    return calls.ok(INCREMENTAL_BLACKS, owner, Map.of("userID", owner, "versionID", versionID, "version", version));
  }
}
