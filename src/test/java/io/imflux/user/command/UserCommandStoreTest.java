package io.imflux.user.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** The store's contract for duplicates under concurrency: each delete removes exactly one record. */
@ImfluxTest
class UserCommandStoreTest {

  @Autowired
  UserCommandStore store;

  @Test
  void concurrentDeletesRemoveOneDuplicateEachAndReportTheRestAsMissing() {
    String user = ApiClient.uniqueId("store");
    Flux.range(0, 5)
        .concatMap(i -> store.add(user, new UserCommand(UserCommandStore.newId(), 1, "same", "v" + i, "", i)))
        .then(store.add(user, new UserCommand(UserCommandStore.newId(), 2, "same", "other type", "", 9)))
        .block(Duration.ofSeconds(10));

    StepVerifier.create(Flux.range(0, 8).flatMap(i -> store.deleteOne(user, 1, "same")).collectList())
        .assertNext(results -> {
          assertEquals(5, results.stream().filter(deleted -> deleted).count(), results.toString());
          assertEquals(3, results.stream().filter(deleted -> !deleted).count(), results.toString());
        })
        .verifyComplete();
    StepVerifier.create(store.findAll(user).map(UserCommand::type))
        .expectNext(2)
        .verifyComplete();
  }

  @Test
  void updatingOrDeletingWhatIsNotThereReportsFalse() {
    String user = ApiClient.uniqueId("store");

    StepVerifier.create(store.updateOne(user, 1, "none", "v", null)).expectNext(false).verifyComplete();
    StepVerifier.create(store.deleteOne(user, 1, "none")).expectNext(false).verifyComplete();
    StepVerifier.create(store.findAll(user)).verifyComplete();
  }
}
