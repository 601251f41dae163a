package io.imflux.cluster;

import com.mongodb.reactivestreams.client.MongoClient;
import io.imflux.cluster.mongo.MongoMessageStore;
import io.imflux.cluster.mongo.MongoUserSeqStore;
import io.imflux.config.EmbeddedMongo;
import io.imflux.config.MongoConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MongoDB message store against the real embedded Mongo-wire server (H2 file backend) in a fresh directory;
 * reopening restarts that server on the same file.
 */
class MongoMessageStoreTest extends MessageStoreContract {

  @TempDir
  Path dataDir;

  EmbeddedMongo server;
  MongoClient client;

  @Override
  MessageStore open() {
    server = EmbeddedMongo.start(dataDir.toString());
    client = MongoConfig.client(server.connectionString().orElseThrow());
    return MongoMessageStore.open(client.getDatabase("imflux_test"));
  }

  @Override
  UserSeqStore userSeqs() {
    return new MongoUserSeqStore(client.getDatabase("imflux_test"));
  }

  @Override
  void close(MessageStore store) {
    client.close();
    server.close();
  }
}
