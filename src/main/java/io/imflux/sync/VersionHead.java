package io.imflux.sync;

/**
 * Where an owner's version log stands: the log's identity and its newest version. Clients keep both and send them
 * back on their next incremental sync.
 *
 * @param versionID 24 lower-case hex characters (an ObjectID); a new log gets a new one, which makes every client
 *                  of it resync fully
 * @param version   starts at 1 when the log is created and grows by one with every recorded change batch
 */
public record VersionHead(String versionID, long version) {}
