package io.imflux.testing;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoDatabase;
import io.imflux.config.EmbeddedMongo;
import io.imflux.config.MongoConfig;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real embedded store without Spring, for StepVerifier tests that build services and stores by hand. One store
 * per test JVM, in a fresh directory under {@code target/}, closed when the run ends; each test class that registers
 * this gets a database of its own, so tests within a class share it and use IDs of their own.
 *
 * <pre>{@code @RegisterExtension static final EmbeddedStore STORE = new EmbeddedStore();}</pre>
 */
public final class EmbeddedStore implements BeforeAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(EmbeddedStore.class);
  private static final AtomicInteger DATABASES = new AtomicInteger();

  private @Nullable MongoDatabase database;

  @Override
  public void beforeAll(ExtensionContext context) {
    if (database != null) {
      return; // a @Nested class keeps its enclosing class's database
    }
    Server server = context.getRoot().getStore(NAMESPACE)
        .computeIfAbsent(Server.class, type -> new Server(), Server.class);
    database = server.client.getDatabase(
        "test_" + DATABASES.incrementAndGet() + "_" + context.getRequiredTestClass().getSimpleName());
  }

  /** This test class's database. */
  public MongoDatabase database() {
    if (database == null) {
      throw new IllegalStateException("register EmbeddedStore with @RegisterExtension on a static field");
    }
    return database;
  }

  private static final class Server implements AutoCloseable {

    final EmbeddedMongo mongo = EmbeddedMongo.start("target/test-data/store-" + UUID.randomUUID());
    final MongoClient client = MongoConfig.client(mongo.connectionString().orElseThrow());

    @Override
    public void close() {
      client.close();
      mongo.close();
    }
  }
}
