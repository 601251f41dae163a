package io.imflux.conversation;

import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.keys;
import static io.imflux.testing.Envelopes.texts;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.msg.ConversationIds;
import io.imflux.sync.IdHash;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Full and incremental conversation sync (spec/api-conversation.md §4, §6.6, §6.7; the algorithm of
 * spec/api-group.md §7.2): every change to a user's records is one version, and a client far behind resyncs fully.
 */
class ConversationSyncTest extends ConversationRouteTest {

  @Test
  void theFullIDListComesWithTheLogHeadAndIsLeftOutWhenTheHashMatches() {
    List<String> u = users("sync_full", 3);
    send(u.get(1), u.get(0));
    send(u.get(2), u.get(0));
    List<String> expected = List.of(ConversationIds.single(u.get(0), u.get(1)),
        ConversationIds.single(u.get(0), u.get(2)));

    JsonNode full = api.ok(FULL_IDS, token(u.get(0)), Map.of("userID", u.get(0), "idHash", 0));
    assertThat(keys(full)).containsExactly("version", "versionID", "equal", "conversationIDs");
    assertThat(full.get("versionID").asString()).matches("[0-9a-f]{24}");
    assertThat(full.get("version").asLong()).isPositive();
    assertThat(full.get("equal").asBoolean()).isFalse();
    assertThat(texts(full.get("conversationIDs"))).containsExactlyElementsOf(expected);

    BigInteger hash = new BigInteger(Long.toUnsignedString(IdHash.of(expected)));
    JsonNode same = api.ok(FULL_IDS, token(u.get(0)), Map.of("userID", u.get(0), "idHash", hash));
    assertThat(same.get("equal").asBoolean()).isTrue();
    assertThat(same.get("conversationIDs").toString()).isEqualTo("[]");

    JsonNode peers = api.ok(FULL_IDS, token(u.get(1)), Map.of("userID", u.get(1)));
    assertThat(texts(peers.get("conversationIDs"))).containsExactly(expected.get(0));
    assertError(api.post(FULL_IDS, token(u.get(1)), Map.of("userID", u.get(0))), 1002, u.get(0));
    assertError(api.post(FULL_IDS, token(u.get(1)), Map.of()), 1002, "");
  }

  @Test
  void aLogWithoutEntriesStartsAtVersionOneAndAnEmptyListHashesToZero() {
    String loner = users("sync_empty", 1).get(0);

    JsonNode full = api.ok(FULL_IDS, token(loner), Map.of("userID", loner, "idHash", 0));

    assertThat(full.get("version").asLong()).isEqualTo(1);
    assertThat(full.get("equal").asBoolean()).isTrue();
    assertThat(full.get("conversationIDs").toString()).isEqualTo("[]");
  }

  @Test
  void incrementalSyncReportsInsertsUpdatesAndDeletesSinceTheClientsVersion() {
    List<String> u = users("sync_incr", 4);
    String owner = u.get(0);
    send(u.get(1), owner);
    send(u.get(2), owner);
    JsonNode start = head(owner);
    String updated = ConversationIds.single(owner, u.get(1));
    String deleted = ConversationIds.single(owner, u.get(2));
    String inserted = ConversationIds.single(owner, u.get(3));

    set(owner, single(owner, u.get(1), Map.of("ex", "changed")));
    set(owner, single(owner, u.get(3), Map.of("isPinned", true)));
    api.ok(DELETE, token(owner), Map.of("ownerUserID", owner, "conversationIDs", List.of(deleted, "si_never_had")));

    JsonNode delta = incremental(owner, start.get("versionID").asString(), start.get("version").asLong());
    assertThat(keys(delta)).containsExactly("version", "versionID", "full", "delete", "insert", "update");
    assertThat(delta.get("full").asBoolean()).isFalse();
    // One version per change, and one per deleted ID.
    assertThat(delta.get("version").asLong()).isEqualTo(start.get("version").asLong() + 4);
    assertThat(delta.get("versionID").asString()).isEqualTo(start.get("versionID").asString());
    assertThat(texts(delta.get("delete"))).containsExactly(deleted, "si_never_had");
    assertThat(ids(delta.get("insert"))).containsExactly(inserted);
    assertThat(delta.get("insert").get(0).get("isPinned").asBoolean()).isTrue();
    assertThat(ids(delta.get("update"))).containsExactly(updated);
    assertThat(delta.get("update").get(0).get("ex").asString()).isEqualTo("changed");

    JsonNode current = incremental(owner, delta.get("versionID").asString(), delta.get("version").asLong());
    assertThat(current.get("full").asBoolean()).isFalse();
    assertThat(current.get("insert").isEmpty() && current.get("update").isEmpty() && current.get("delete").isEmpty())
        .isTrue();
  }

  @Test
  void anUnknownOrZeroVersionOrOneAheadOfTheServerMeansAFullResync() {
    List<String> u = users("sync_rules", 2);
    send(u.get(1), u.get(0));
    JsonNode head = head(u.get(0));
    String versionID = head.get("versionID").asString();
    long version = head.get("version").asLong();

    for (JsonNode delta : List.of(incremental(u.get(0), "", version), incremental(u.get(0), "not-an-id", version),
        incremental(u.get(0), "000000000000000000000000", version), incremental(u.get(0), versionID, 0),
        incremental(u.get(0), "0123456789abcdef01234567", version), incremental(u.get(0), versionID, version + 1))) {
      assertThat(delta.get("full").asBoolean()).as(delta.toString()).isTrue();
      assertThat(delta.get("version").asLong()).isEqualTo(version);
      assertThat(delta.get("versionID").asString()).isEqualTo(versionID);
      assertThat(delta.get("insert").toString() + delta.get("update") + delta.get("delete")).isEqualTo("[][][]");
    }
    assertError(api.post(INCREMENTAL, token(u.get(1)), Map.of("userID", u.get(0))), 1002, u.get(0));
  }

  @Test
  void twoHundredChangesAreSentAsTheyAreAndOneMoreMeansAFullResync() {
    String owner = users("sync_many", 1).get(0);
    JsonNode start = head(owner);
    List<String> created = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      String peer = "peer" + i + "_" + owner;
      set(owner, single(owner, peer, Map.of("ex", "n" + i)));
      created.add(ConversationIds.single(owner, peer));
    }
    // Changing one of them again replaces its entry (insert, then update): still 200 changed elements.
    set(owner, single(owner, "peer0_" + owner, Map.of("ex", "again")));

    JsonNode delta = incremental(owner, start.get("versionID").asString(), start.get("version").asLong());
    assertThat(delta.get("full").asBoolean()).isFalse();
    assertThat(delta.get("version").asLong()).isEqualTo(start.get("version").asLong() + 201);
    assertThat(ids(delta.get("insert"))).containsExactlyElementsOf(created.subList(1, 200));
    assertThat(ids(delta.get("update"))).containsExactly(created.get(0));
    assertThat(delta.get("update").get(0).get("ex").asString()).isEqualTo("again");

    set(owner, single(owner, "peer200_" + owner, Map.of("ex", "one more")));
    JsonNode full = incremental(owner, start.get("versionID").asString(), start.get("version").asLong());
    assertThat(full.get("full").asBoolean()).isTrue();
    assertThat(full.get("insert").toString()).isEqualTo("[]");
    assertThat(api.ok(ALL, token(owner), Map.of("ownerUserID", owner)).get("conversations").size()).isEqualTo(201);
  }

  private JsonNode head(String owner) {
    return api.ok(FULL_IDS, token(owner), Map.of("userID", owner));
  }

  private JsonNode incremental(String owner, String versionID, long version) {
    return api.ok(INCREMENTAL, token(owner), Map.of("userID", owner, "versionID", versionID, "version", version));
  }
}
