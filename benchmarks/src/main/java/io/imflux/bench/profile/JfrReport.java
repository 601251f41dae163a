package io.imflux.bench.profile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the server's time goes, from a JFR recording of a measured window: CPU samples by thread and by hottest
 * frame (self and inclusive), allocation by site and by class, GC pauses and contended locks. The same data as
 * {@code jfr print --events jdk.ExecutionSample}, added up.
 */
public final class JfrReport {

  private static final int TOP = 25;

  private final Map<String, Long> samplesByThread = new HashMap<>();
  /** Per thread group: inclusive samples of the application's frames ({@code io.imflux}) and of gzip. */
  private final Map<String, Map<String, Long>> appFramesByThread = new HashMap<>();
  private final Map<String, Long> selfFrames = new HashMap<>();
  private final Map<String, Long> inclusiveFrames = new HashMap<>();
  private final Map<String, Long> allocationBySite = new HashMap<>();
  private final Map<String, Long> allocationByClass = new HashMap<>();
  private final Map<String, Long> lockWaitNanos = new HashMap<>();
  private long samples;
  private long allocatedBytes;
  private long gcPauseNanos;
  private long gcCount;

  public static String summarise(Path recording) throws IOException {
    JfrReport report = new JfrReport();
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      report.add(event);
    }
    return report.render();
  }

  public static void main(String[] args) throws IOException {
    System.out.println(summarise(Path.of(args[0])));
  }

  private void add(RecordedEvent event) {
    switch (event.getEventType().getName()) {
      case "jdk.ExecutionSample" -> {
        samples++;
        String thread = threadGroup(event.getThread("sampledThread"));
        samplesByThread.merge(thread, 1L, Long::sum);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null && !stack.getFrames().isEmpty()) {
          List<RecordedFrame> frames = stack.getFrames();
          selfFrames.merge(name(frames.get(0)), 1L, Long::sum);
          Set<String> seen = new HashSet<>();
          for (RecordedFrame frame : frames) {
            String name = name(frame);
            if (seen.add(name)) {
              inclusiveFrames.merge(name, 1L, Long::sum);
              if (name.startsWith("io.imflux.") || name.startsWith("java.util.zip.")) {
                appFramesByThread.computeIfAbsent(thread, t -> new HashMap<>()).merge(name, 1L, Long::sum);
              }
            }
          }
        }
      }
      case "jdk.ObjectAllocationSample" -> {
        long weight = event.getLong("weight");
        allocatedBytes += weight;
        allocationByClass.merge(event.getClass("objectClass").getName(), weight, Long::sum);
        RecordedStackTrace stack = event.getStackTrace();
        if (stack != null) {
          allocationBySite.merge(allocationSite(stack.getFrames()), weight, Long::sum);
        }
      }
      case "jdk.GarbageCollection" -> {
        gcCount++;
        gcPauseNanos += event.getDuration("sumOfPauses").toNanos();
      }
      case "jdk.JavaMonitorEnter" -> lockWaitNanos.merge(event.getClass("monitorClass").getName(),
          event.getDuration().toNanos(), Long::sum);
      default -> {
        // other events are not summarised
      }
    }
  }

  /** The first frame outside the JDK's and libraries' allocation plumbing: the code that asked for the memory. */
  private static String allocationSite(List<RecordedFrame> frames) {
    for (RecordedFrame frame : frames) {
      String type = frame.getMethod().getType().getName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return name(frame);
      }
    }
    return frames.isEmpty() ? "?" : name(frames.get(0));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  /** Thread names with their numbers folded, so a pool is one line. */
  private static String threadGroup(RecordedThread thread) {
    String name = thread == null ? "?" : thread.getJavaName() == null ? thread.getOSName() : thread.getJavaName();
    return name == null ? "?" : name.replaceAll("\\d+", "#");
  }

  private String render() {
    StringBuilder out = new StringBuilder();
    out.append("CPU samples: ").append(samples).append('\n');
    table(out, "CPU samples by thread", samplesByThread, samples, false);
    table(out, "Hottest frames (self)", selfFrames, samples, false);
    table(out, "Hottest frames (inclusive)", inclusiveFrames, samples, false);
    samplesByThread.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(6)
        .filter(thread -> appFramesByThread.containsKey(thread.getKey()))
        .forEach(thread -> table(out, "imflux and gzip frames on " + thread.getKey() + " (inclusive, share of all samples)",
            appFramesByThread.get(thread.getKey()), samples, false, 12));
    out.append("\nAllocation (sampled, weighted): ").append(allocatedBytes / (1024 * 1024)).append(" MB\n");
    table(out, "Allocation by site", allocationBySite, allocatedBytes, true);
    table(out, "Allocation by class", allocationByClass, allocatedBytes, true);
    out.append("\nGC: ").append(gcCount).append(" collections, ")
        .append(Duration.ofNanos(gcPauseNanos).toMillis()).append(" ms of pauses\n");
    table(out, "Contended monitors (total wait ms)", lockWaitNanos, 0, false);
    return out.toString();
  }

  private static void table(StringBuilder out, String title, Map<String, Long> counts, long total, boolean bytes) {
    table(out, title, counts, total, bytes, TOP);
  }

  private static void table(StringBuilder out, String title, Map<String, Long> counts, long total, boolean bytes,
      int limit) {
    out.append('\n').append(title).append(":\n");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(entry -> {
          String value = bytes ? (entry.getValue() / (1024 * 1024)) + " MB"
              : total == 0 ? Long.toString(entry.getValue() / 1_000_000) : Long.toString(entry.getValue());
          String share = total == 0 ? "" : String.format("%5.1f%%  ", 100.0 * entry.getValue() / total);
          out.append(String.format("  %s%10s  %s%n", share, value, entry.getKey()));
        });
  }
}
