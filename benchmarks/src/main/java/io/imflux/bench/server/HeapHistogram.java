package io.imflux.bench.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The output of {@code jcmd <pid> GC.class_histogram}: the JVM runs a full GC first and then counts only reachable
 * objects, so {@link #totalBytes} is the live heap, and the per-class bytes tell what a difference consists of.
 */
public record HeapHistogram(long totalBytes, long totalInstances, Map<String, long[]> byClass) {

  static HeapHistogram parse(String output) {
    Map<String, long[]> byClass = new HashMap<>();
    long totalBytes = -1;
    long totalInstances = -1;
    for (String line : output.split("\n")) {
      String[] parts = line.trim().split("\\s+");
      if (parts.length >= 3 && parts[0].equals("Total")) {
        totalInstances = Long.parseLong(parts[1]);
        totalBytes = Long.parseLong(parts[2]);
      } else if (parts.length >= 4 && parts[0].endsWith(":")) {
        byClass.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
      }
    }
    if (totalBytes < 0) {
      throw new IllegalStateException("no Total line in class histogram: " + output);
    }
    return new HeapHistogram(totalBytes, totalInstances, byClass);
  }

  /** The classes that grew most from {@code before} to this one: name, instances, bytes. */
  public List<Object[]> grownSince(HeapHistogram before, int limit) {
    List<Object[]> grown = new ArrayList<>();
    byClass.forEach((name, now) -> {
      long[] then = before.byClass.getOrDefault(name, new long[2]);
      grown.add(new Object[] {name, now[0] - then[0], now[1] - then[1]});
    });
    grown.sort((a, b) -> Long.compare((Long) b[2], (Long) a[2]));
    return grown.subList(0, Math.min(limit, grown.size()));
  }
}
