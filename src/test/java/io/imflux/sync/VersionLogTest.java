package io.imflux.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** {@link VersionLog} against the real embedded store: lazy creation, one version per batch, the sync algorithm. */
@ImfluxTest
class VersionLogTest {

  @Autowired
  VersionLogs logs;

  VersionLog log() {
    return logs.of("test");
  }

  @Test
  void theSameKindIsTheSameLog() {
    assertThat(logs.of("test")).isSameAs(logs.of("test"));
  }

  @Test
  void aQueryCreatesAnEmptyLogAtVersionOneOnce() {
    String owner = ApiClient.uniqueId("vl");
    VersionHead head = log().head(owner).block();
    assertThat(head.version()).isEqualTo(1);
    assertThat(head.versionID()).matches("[0-9a-f]{24}");
    StepVerifier.create(log().head(owner)).expectNext(head).verifyComplete();
  }

  @Test
  void everyBatchIsOneVersionEvenWhenWritersRace() {
    String owner = ApiClient.uniqueId("vl");
    List<VersionHead> heads = Flux.range(0, 40)
        .flatMap(i -> log().record(owner, List.of("e" + i), ChangeState.INSERT), 8)
        .collectList()
        .block(Duration.ofSeconds(30));

    assertThat(heads).extracting(VersionHead::version).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(1, 40).mapToObj(Long::valueOf).toList());
    assertThat(heads).extracting(VersionHead::versionID).containsOnly(heads.get(0).versionID());
    Delta delta = log().changesSince(owner, heads.get(0).versionID(), 20, Set.of()).block();
    assertThat(delta.full()).isFalse();
    assertThat(delta.inserted()).hasSize(20);
  }

  @Test
  void theSyncAlgorithmAnswersEveryCaseOfTheSpec() {
    String owner = ApiClient.uniqueId("vl");
    VersionHead first = log().record(owner, List.of("a", "b"), ChangeState.INSERT).block();
    VersionHead second = log().record(owner, List.of("a"), ChangeState.DELETE).block();
    String id = first.versionID();

    StepVerifier.create(log().changesSince(owner, "", 0, Set.of()))
        .expectNext(new Delta(second, true, List.of(), List.of(), List.of(), java.util.Map.of())).verifyComplete();
    assertThat(log().changesSince(owner, "000000000000000000000000", 1, Set.of()).block().full()).isTrue();
    assertThat(log().changesSince(owner, "not-an-object-id", 1, Set.of()).block().full()).isTrue();
    assertThat(log().changesSince(owner, id, 0, Set.of()).block().full()).isTrue();
    assertThat(log().changesSince(owner, "6650c1e2a4b5c6d7e8f90a1b", 1, Set.of()).block().full()).isTrue();
    assertThat(log().changesSince(owner, id, 3, Set.of()).block().full()).isTrue();

    Delta upToDate = log().changesSince(owner, id, 2, Set.of()).block();
    assertThat(upToDate.full()).isFalse();
    assertThat(upToDate.head()).isEqualTo(second);
    assertThat(upToDate.inserted()).isEmpty();

    Delta behind = log().changesSince(owner, id, 1, Set.of()).block();
    assertThat(behind.full()).isFalse();
    assertThat(behind.deleted()).containsExactly("a");
    assertThat(behind.inserted()).isEmpty();
  }

  @Test
  void moreThanTwoHundredChangedElementsMeanAFullResync() {
    String owner = ApiClient.uniqueId("vl");
    VersionHead start = log().head(owner).block();
    List<String> twoHundred = IntStream.range(0, VersionLog.SYNC_LIMIT).mapToObj(i -> "u" + i).toList();
    log().record(owner, twoHundred, ChangeState.INSERT).block();

    Delta exactly = log().changesSince(owner, start.versionID(), 1, Set.of(VersionLog.SORT_MARKER)).block();
    assertThat(exactly.full()).isFalse();
    assertThat(exactly.inserted()).hasSize(200);

    log().record(owner, List.of(VersionLog.SORT_MARKER), ChangeState.UPDATE).block();
    Delta over = log().changesSince(owner, start.versionID(), 1, Set.of(VersionLog.SORT_MARKER)).block();
    assertThat(over.full()).isTrue();
    assertThat(over.head().version()).isEqualTo(3);
    assertThat(log().changesSince(owner, start.versionID(), 2, Set.of(VersionLog.SORT_MARKER)).block()
        .markerVersion(VersionLog.SORT_MARKER)).isEqualTo(3);
  }

  @Test
  void anEmptyBatchIsAProgrammingError() {
    StepVerifier.create(log().record("anyone", List.of(), ChangeState.UPDATE))
        .expectError(IllegalArgumentException.class).verify();
  }
}
