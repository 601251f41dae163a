package io.imflux.config;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reactive MongoDB client: against {@code imflux.mongo.uri} when set, otherwise against the embedded store,
 * which speaks the same wire protocol. Business code sees only {@link MongoDatabase}.
 */
@Configuration(proxyBeanMethods = false)
public class MongoConfig {

  @Bean(destroyMethod = "close")
  EmbeddedMongo embeddedMongo(ImfluxProperties properties) {
    return properties.mongo().uri().isBlank() ? EmbeddedMongo.start(properties.embeddedMongo().path()) : EmbeddedMongo.none();
  }

  @Bean(destroyMethod = "close")
  MongoClient mongoClient(ImfluxProperties properties, EmbeddedMongo embedded) {
    return client(embedded.connectionString().orElse(properties.mongo().uri()));
  }

  /** The one way a client is built, so tests that use the store without Spring talk to it as the server does. */
  public static MongoClient client(String uri) {
    MongoClientSettings settings = MongoClientSettings.builder()
        .applyConnectionString(new ConnectionString(uri))
        .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(10, TimeUnit.SECONDS))
        .build();
    return MongoClients.create(settings);
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, ImfluxProperties properties) {
    return client.getDatabase(properties.mongo().database());
  }
}
