package io.imflux.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The version log's rules without a database: batches, one entry per element, the limit, pruning. */
class LogDocumentTest {

  static final String ID = "6650c1e2a4b5c6d7e8f90a1b";

  @Test
  void aBatchIsOneVersionAndAnElementKeepsOnlyItsLatestEntry() {
    LogDocument log = LogDocument.create(ID, List.of("a", "b"), ChangeState.INSERT, 10)
        .record(List.of("c"), ChangeState.INSERT, 20, 1000)
        .record(List.of("a", "c"), ChangeState.UPDATE, 30, 1000)
        .record(List.of("b"), ChangeState.DELETE, 40, 1000);

    assertThat(log.head()).isEqualTo(new VersionHead(ID, 4));
    assertThat(log.entries()).extracting(LogDocument.Entry::elementID).containsExactly("a", "c", "b");
    assertThat(log.entries()).extracting(LogDocument.Entry::version).containsExactly(3L, 3L, 4L);

    Delta sinceFirst = log.since(1, 200, Set.of());
    assertThat(sinceFirst.full()).isFalse();
    assertThat(sinceFirst.inserted()).isEmpty();
    assertThat(sinceFirst.updated()).containsExactly("a", "c");
    assertThat(sinceFirst.deleted()).containsExactly("b");
    assertThat(log.since(3, 200, Set.of()).deleted()).containsExactly("b");
    assertThat(log.since(3, 200, Set.of()).updated()).isEmpty();
  }

  @Test
  void aClientAheadOfTheServerResyncsFully() {
    LogDocument log = LogDocument.create(ID, List.of("a"), ChangeState.INSERT, 0);
    assertThat(log.since(2, 200, Set.of()).full()).isTrue();
  }

  @Test
  void moreChangesThanTheLimitMeanAFullResyncAndMarkersCount() {
    List<String> two = List.of("x", "y");
    LogDocument log = LogDocument.create(ID, List.of(), ChangeState.UPDATE, 0)
        .record(two, ChangeState.INSERT, 1, 1000)
        .record(List.of(VersionLog.SORT_MARKER), ChangeState.UPDATE, 2, 1000);

    assertThat(log.since(1, 3, Set.of(VersionLog.SORT_MARKER)).full()).isFalse();
    assertThat(log.since(1, 2, Set.of(VersionLog.SORT_MARKER)).full()).isTrue();
    Delta delta = log.since(1, 3, Set.of(VersionLog.SORT_MARKER));
    assertThat(delta.inserted()).containsExactly("x", "y");
    assertThat(delta.markers()).isEqualTo(Map.of(VersionLog.SORT_MARKER, 3L));
    assertThat(delta.markerVersion(VersionLog.SORT_MARKER)).isEqualTo(3);
    assertThat(delta.markerVersion("other")).isZero();
  }

  @Test
  void pruningKeepsEveryAnswerTheSame() {
    LogDocument pruned = LogDocument.create(ID, List.of(), ChangeState.UPDATE, 0);
    LogDocument whole = pruned;
    for (int i = 0; i < 60; i++) {
      List<String> batch = List.of("e" + i, "f" + i);
      pruned = pruned.record(batch, ChangeState.INSERT, i, 25);
      whole = whole.record(batch, ChangeState.INSERT, i, Integer.MAX_VALUE);
    }
    assertThat(pruned.entries()).hasSize(25);
    assertThat(pruned.pruned()).isPositive();
    for (long version = 1; version <= whole.version(); version++) {
      assertThat(pruned.since(version, 20, Set.of())).as("since %d", version)
          .isEqualTo(whole.since(version, 20, Set.of()));
    }
  }

  @Test
  void theStoredFormRoundTrips() {
    LogDocument log = LogDocument.create(ID, List.of("a"), ChangeState.INSERT, 5)
        .record(IntStream.range(0, 3).mapToObj(i -> "u" + i).toList(), ChangeState.DELETE, 6, 1000);
    assertThat(LogDocument.fromBson(log.toBson("friend:owner"))).isEqualTo(log);
  }
}
