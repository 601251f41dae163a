package io.imflux.config;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.h2.mvstore.MVStoreTool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone store: an in-process Mongo-wire server (mongo-java-server over an H2 MVStore file) bound to
 * 127.0.0.1 on a free port. One worker thread, because its read-modify-write commands (findAndModify, upserts)
 * are only atomic when a single thread serves every connection.
 */
public final class EmbeddedMongo implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
  static final String FILE_NAME = "imflux-mongo.mv";

  private final @Nullable MongoServer server;
  private final @Nullable H2Backend backend;
  private final @Nullable String connectionString;

  private EmbeddedMongo(@Nullable MongoServer server, @Nullable H2Backend backend, @Nullable String connectionString) {
    this.server = server;
    this.backend = backend;
    this.connectionString = connectionString;
  }

  static EmbeddedMongo none() {
    return new EmbeddedMongo(null, null, null);
  }

  /** Starts the store over the data file in {@code directory}, creating both when they do not exist. */
  public static EmbeddedMongo start(String directory) {
    Path dir = Path.of(directory).toAbsolutePath().normalize();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the data directory " + dir, e);
    }
    Path file = dir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      // The MVStore file never gives space back while open; compacting it offline keeps restarts from growing it.
      long before = file.toFile().length();
      MVStoreTool.compact(file.toString(), true);
      log.info("Compacted {} from {} to {} bytes", file, before, file.toFile().length());
    }
    H2Backend backend = new H2Backend(file.toString());
    MongoServer server = new MongoServer(backend);
    server.bind(new InetSocketAddress("127.0.0.1", 0), 1, 1);
    InetSocketAddress address = server.getLocalAddress();
    String uri = "mongodb://127.0.0.1:" + address.getPort();
    log.info("Embedded MongoDB-compatible store at {} with data in {}", uri, file);
    return new EmbeddedMongo(server, backend, uri);
  }

  /** Where clients reach the store; empty for {@link #none()}. */
  public Optional<String> connectionString() {
    return Optional.ofNullable(connectionString);
  }

  @Override
  public void close() {
    if (server != null) {
      server.shutdownNow();
    }
    if (backend != null) {
      backend.close();
    }
  }
}
