package io.imflux.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound, installed in every test JVM by blockhound-junit-platform, with one allowance: the embedded
 * Mongo-wire server's own Netty threads do the H2 file I/O by design; they are the store, not our event loops.
 */
public class ImfluxBlockHoundIntegration implements BlockHoundIntegration {

  @Override
  public void applyTo(BlockHound.Builder builder) {
    builder.nonBlockingThreadPredicate(current -> current.and(thread -> !thread.getName().startsWith("mongo-server")));
  }
}
