/**
 * Version logs and incremental sync (spec/api-friend.md §Incremental sync), built once for every list a client keeps
 * a local copy of: friend lists and blacklists now, group members, joined groups and conversations later.
 *
 * <p>How a feature uses it:
 * <ol>
 *   <li>Get its log once: {@code VersionLog log = versionLogs.of("group_member")} ({@link VersionLogs#of}); the kind
 *       names the list, the owner ID (a user, a group ...) names whose list it is.</li>
 *   <li>After every stored change, record it: {@code log.record(ownerID, changedElementIDs, ChangeState.UPDATE)}
 *       ({@link VersionLog#record}). One call is one version; write the data first, then the log, so a client that
 *       syncs in between never sees a version whose data is not there yet.</li>
 *   <li>Answer the incremental route with {@link VersionLog#changesSince}: it applies the whole algorithm (invalid or
 *       foreign versionID, newer-than-server versions, the 200-change full-resync rule) and hands back a
 *       {@link Delta} of element IDs; the feature turns inserted and updated IDs into its objects and drops the ones
 *       that no longer exist.</li>
 *   <li>Answer the "full ID list" route with {@link VersionLog#head} and {@link IdHash#of}.</li>
 * </ol>
 * Special element IDs (the {@link VersionLog#SORT_MARKER} for "the ordering changed", the group log's "group info
 * changed" marker) are recorded like any element and come back in {@link Delta#markers()} instead of the lists.
 */
@NullMarked
package io.imflux.sync;

import org.jspecify.annotations.NullMarked;
