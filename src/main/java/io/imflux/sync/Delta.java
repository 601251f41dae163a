package io.imflux.sync;

import java.util.List;
import java.util.Map;

/**
 * The answer of {@link VersionLog#changesSince}: the server's head, and either "resync fully" or the element IDs that
 * changed since the client's version, each with its latest state.
 *
 * @param head     the server's current head; the client stores it for its next call
 * @param full     the client must drop its copy and fetch everything; the lists are then empty
 * @param inserted elements added since the client's version, oldest change first
 * @param updated  elements changed since the client's version
 * @param deleted  elements removed since the client's version
 * @param markers  the special element IDs asked for that changed, with the version of their latest change
 */
public record Delta(VersionHead head, boolean full, List<String> inserted, List<String> updated, List<String> deleted,
    Map<String, Long> markers) {

  public Delta {
    inserted = List.copyOf(inserted);
    updated = List.copyOf(updated);
    deleted = List.copyOf(deleted);
    markers = Map.copyOf(markers);
  }

  static Delta full(VersionHead head) {
    return new Delta(head, true, List.of(), List.of(), List.of(), Map.of());
  }

  static Delta unchanged(VersionHead head) {
    return new Delta(head, false, List.of(), List.of(), List.of(), Map.of());
  }

  /** The version of the marker's latest change within the delta, 0 when it did not change. */
  public long markerVersion(String markerID) {
    return markers.getOrDefault(markerID, 0L);
  }
}
