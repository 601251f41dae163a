package io.imflux.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound, installed in every test JVM by blockhound-junit-platform, with two allowances. The embedded
 * Mongo-wire server's own Netty threads do the H2 file I/O by design; they are the store, not our event loops.
 * JDBC statements count as blocking: BlockHound does not see H2's file channel and locks on its own, and the H2
 * message store must run them on its own threads.
 */
public class ImfluxBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.nonBlockingThreadPredicate(current -> current.and(thread -> !thread.getName().startsWith("mongo-server")));
    builder.markAsBlocking("org.h2.jdbc.JdbcPreparedStatement", "executeQuery", "()Ljava/sql/ResultSet;");
    builder.markAsBlocking("org.h2.jdbc.JdbcPreparedStatement", "executeUpdate", "()I");
    builder.markAsBlocking("org.h2.jdbc.JdbcPreparedStatement", "executeBatch", "()[I");
    builder.markAsBlocking("org.h2.jdbc.JdbcConnection", "commit", "()V");
    // The reactive MongoDB driver takes its connection pool's short internal lock on the subscribing thread. Under
    // contention that parks for microseconds; BlockHound's error thrown from inside the lock's acquire leaves the
    // lock's queue broken and every later operation hangs, so that one call site is allowed.
    builder.allowBlockingCallsInside("com.mongodb.internal.connection.DefaultConnectionPool$AsyncWorkManager",
        "enqueue");
  }
}
