package io.imflux.cluster;

import io.imflux.cluster.SeqAllocator.UserSeq;
import java.util.Collection;
import reactor.core.publisher.Mono;

/**
 * The durable copy of each user's seqs in each conversation (min, max, read). The standalone mode keeps them in
 * memory and writes them here: next to the messages in embedded H2 when the store is embedded, in MongoDB's
 * {@code seq_user} otherwise.
 */
public interface UserSeqStore {

  /** One user's seqs in one conversation. */
  record Entry(String userID, String conversationID, UserSeq seq) {}

  /** What was saved for the user in the conversation; empty when nothing was. */
  Mono<UserSeq> load(String userID, String conversationID);

  /** Saves every entry, replacing what was saved for the same user and conversation; completes once durable. */
  Mono<Void> saveAll(Collection<Entry> entries);
}
