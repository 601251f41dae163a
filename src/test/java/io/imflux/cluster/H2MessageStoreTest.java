package io.imflux.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.cluster.h2.H2MessageStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.test.StepVerifier;

/** The embedded H2 message store on a file in a fresh directory; reopening opens the same file. */
class H2MessageStoreTest extends MessageStoreContract {

  @TempDir
  Path dataDir;

  @Override
  MessageStore open() {
    return H2MessageStore.open(dataDir);
  }

  @Override
  void close(MessageStore store) {
    ((H2MessageStore) store).close();
  }

  @Override
  UserSeqStore userSeqs() {
    return ((H2MessageStore) store).userSeqs();
  }

  List<Path> journalSegments(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".journal")).sorted().toList();
    }
  }

  @Test
  void storesItsFileInTheDataDirectoryAndLeavesNoJournalAfterClosing() throws IOException {
    appendSingle(3);
    assertThat(journalSegments(dataDir)).isNotEmpty();

    close(store);

    assertThat(dataDir.resolve(H2MessageStore.FILE_NAME + ".mv.db")).exists();
    assertThat(journalSegments(dataDir)).isEmpty();
    store = open();
  }

  @Test
  void acknowledgedAppendsAndChangesSurviveKill9(@TempDir Path crashDir) throws Exception {
    close(store);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        H2AppendUntilKilled.class.getName(), crashDir.toString())
        .redirectErrorStream(true)
        .start();
    long acked = 0;
    try (BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = output.readLine(); line != null && acked < 3000; line = output.readLine()) {
        if (line.startsWith("acked ")) {
          acked = Long.parseLong(line.substring("acked ".length()));
        }
      }
      child.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no final H2 write
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(acked).isGreaterThanOrEqualTo(3000);
    List<Path> journal = journalSegments(crashDir);
    assertThat(journal).isNotEmpty();
    // A write torn by the kill: a record header promising more than the file holds.
    Files.write(journal.get(journal.size() - 1), new byte[] {0, 0, 1, 0, 1, 2}, StandardOpenOption.APPEND);

    store = H2MessageStore.open(crashDir);

    List<Long> seqs = LongStream.rangeClosed(1, acked).boxed().toList();
    StepVerifier.create(store.find(SINGLE, seqs).count()).expectNext(acked - 1).verifyComplete();
    StepVerifier.create(store.find(SINGLE, List.of(1L, 2L, 3L)))
        .assertNext(slot -> assertThat(slot.revocation()).isEqualTo(H2AppendUntilKilled.REVOCATION))
        .assertNext(slot -> assertThat(slot.seq()).isEqualTo(3))
        .verifyComplete();
    assertThat(store.maxStoredSeq(SINGLE)).isGreaterThanOrEqualTo(acked);
    assertThat(journalSegments(crashDir)).hasSize(1);
  }

  @Test
  void jdbcWorkRunsOnTheStoresOwnThreads() {
    appendSingle(1);

    StepVerifier.create(store.find(SINGLE, List.of(1L)).map(slot -> Thread.currentThread().getName()))
        .assertNext(thread -> assertThat(thread).startsWith("h2-messages"))
        .verifyComplete();
  }
}
