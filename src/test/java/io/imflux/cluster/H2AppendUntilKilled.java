package io.imflux.cluster;

import io.imflux.cluster.h2.H2MessageStore;
import io.imflux.proto.sdkws.MsgData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link H2MessageStoreTest}'s kill -9 test: appends batches of ten to one conversation
 * forever, printing each batch's last seq once {@code append} returned (the moment the pipeline acks). After the
 * first thousand it revokes seq 1 and erases seq 2, and says so once both completed.
 */
public final class H2AppendUntilKilled {

  static final MessageStore.Revocation REVOCATION = new MessageStore.Revocation(0, "alice", "Alice", 1_000_000);

  private H2AppendUntilKilled() {}

  public static void main(String[] args) {
    H2MessageStore store = H2MessageStore.open(Path.of(args[0]));
    for (long first = 1; ; first += 10) {
      List<MsgData> batch = new ArrayList<>(10);
      for (long seq = first; seq < first + 10; seq++) {
        batch.add(MessageStoreContract.single(seq, "alice", "bob", 1000 + seq));
      }
      store.append(MessageStoreContract.SINGLE, batch);
      System.out.println("acked " + (first + 9));
      if (first + 9 == 1000) {
        store.revoke(MessageStoreContract.SINGLE, 1, REVOCATION).block();
        store.erase(MessageStoreContract.SINGLE, List.of(2L)).block();
        System.out.println("changed");
      }
      System.out.flush();
    }
  }
}
