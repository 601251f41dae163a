package io.imflux.cluster;

import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.cluster.h2.H2MessageStore;
import io.imflux.cluster.mongo.MongoMessageStore;
import io.imflux.cluster.mongo.MongoUserSeqStore;
import io.imflux.config.ImfluxProperties;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one {@link MessageStore} and the {@link UserSeqStore} beside it: embedded H2 in the embedded store's data
 * directory when {@code imflux.mongo.uri} is empty, MongoDB's {@code msg} and {@code seq_user} collections when a URI
 * is given (ARCHITECTURE §1).
 */
@Configuration(proxyBeanMethods = false)
public class MessageStoreConfig {

  /** Closed (H2 shut down) by Spring's inferred {@code close()} after everything using it is gone. */
  @Bean
  MessageStore messageStore(ImfluxProperties properties, ObjectProvider<MongoDatabase> mongoDatabase) {
    return properties.mongo().uri().isBlank()
        ? H2MessageStore.open(Path.of(properties.embeddedMongo().path()))
        : MongoMessageStore.open(mongoDatabase.getObject());
  }

  /** Per-user seqs live beside the messages: in H2 with the embedded store, in MongoDB otherwise. */
  @Bean
  UserSeqStore userSeqStore(MessageStore messages, ObjectProvider<MongoDatabase> mongoDatabase) {
    return messages instanceof H2MessageStore embedded
        ? embedded.userSeqs()
        : new MongoUserSeqStore(mongoDatabase.getObject());
  }
}
