package io.imflux.bench;

import io.imflux.bench.client.Connector;
import io.imflux.bench.client.GatewayConnection;
import io.imflux.bench.load.LoadTest;
import io.imflux.bench.load.StepResult;
import io.imflux.bench.profile.JfrReport;
import io.imflux.bench.server.HeapHistogram;
import io.imflux.bench.server.ServerProcess;
import io.imflux.bench.server.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * The benchmark of issue 4, item 4: (a) server memory per idle connection, (b) an open-loop rate sweep of one-to-one
 * messages through imflux, (c) the same sweep through the bare relay, and a summary with imflux as a share of the
 * relay. Options are {@code --name=value}; see benchmarks/README.md.
 */
public final class Main {

  /** Android: a mobile platform, as an app on a phone connects. */
  private static final int PLATFORM = 2;
  private static final int PRIMING_RATE = 200;

  private final Map<String, String> options;
  private final Path out;
  private final StringBuilder report = new StringBuilder();

  private Main(Map<String, String> options) throws IOException {
    this.options = options;
    this.out = Path.of(option("out", "target/results")).toAbsolutePath();
    Files.createDirectories(out);
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new IllegalArgumentException("options are --name=value, not " + arg);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    new Main(options).run();
    System.exit(0);
  }

  private void run() throws Exception {
    List<String> targets = List.of(option("targets", "imflux,relay").split(","));
    int idle = Integer.parseInt(option("idle", "10000"));
    int users = Integer.parseInt(option("users", "1000"));
    int[] rates = Arrays.stream(option("rates", "2500,5000,7500,10000,12500,15000,20000,25000,30000").split(","))
        .mapToInt(Integer::parseInt).toArray();
    line("# imflux gateway benchmark, " + Instant.now());
    line("");
    line("- machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
        + System.getProperty("os.arch") + ", JDK " + System.getProperty("java.vm.name") + " "
        + System.getProperty("java.runtime.version"));
    line("- load average at start: " + loadAverage());
    line("- options: " + options);
    Map<String, List<StepResult>> sweeps = new LinkedHashMap<>();
    Map<String, String> idleRows = new LinkedHashMap<>();
    for (String name : targets) {
      try (Target target = start(name)) {
        line("");
        line("## " + name + " (" + target.process() + ")");
        int count = Math.max(idle, users);
        String prefix = "b" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 20), 36) + "u";
        List<String> userIDs = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        long started = System.nanoTime();
        List<String> tokens = target.prepareUsers(userIDs, PLATFORM);
        line("- " + count + " users registered with tokens in " + (System.nanoTime() - started) / 1_000_000 + " ms");
        if (idle > 0) {
          idleRows.put(name, idle(target, userIDs.subList(0, idle), tokens.subList(0, idle)));
        }
        if (users > 0) {
          sweeps.put(name, sweep(target, userIDs.subList(0, users), tokens.subList(0, users), rates));
        }
      }
    }
    summary(idleRows, sweeps);
    Path summary = out.resolve("summary.md");
    Files.writeString(summary, report);
    System.out.println("\nwritten to " + summary);
  }

  private Target start(String name) throws IOException {
    String xmx = "-Xmx" + option("xmx", "1g");
    List<String> jvm = new ArrayList<>(List.of(xmx, "-Xms" + option("xmx", "1g"), "-XX:+UseG1GC"));
    String extra = option("server-jvm", "").trim();
    if (!extra.isEmpty()) {
      jvm.addAll(List.of(extra.split("\\s+")));
    }
    if (name.equals("relay")) {
      return Target.relay(out.resolve("relay.log"), jvm,
          Integer.parseInt(option("relay-workers", Integer.toString(Runtime.getRuntime().availableProcessors()))));
    }
    Path data = Files.createTempDirectory("imflux-bench-data");
    return Target.imflux(Path.of(option("jar", "../target/imflux-0.1.0-SNAPSHOT.jar")).toAbsolutePath(), data,
        out.resolve("imflux.log"), jvm);
  }

  /** (a): live heap after a full GC before and after opening the connections, over their number. */
  private String idle(Target target, List<String> userIDs, List<String> tokens) throws InterruptedException {
    ServerProcess server = target.process();
    server.liveHeap();
    HeapHistogram before = server.liveHeap();
    long rssBefore = server.residentBytes();
    LoadTest load = new LoadTest(userIDs, PLATFORM);
    try (Connector connector = new Connector(target.gatewayUrl(), workers())) {
      long started = System.nanoTime();
      List<GatewayConnection> connections = connector.openAll(userIDs, tokens, PLATFORM, load);
      load.attach(connections);
      load.firstRequests();
      long openMillis = (System.nanoTime() - started) / 1_000_000;
      Thread.sleep(3000);
      int open = (int) connections.stream().filter(GatewayConnection::isOpen).count();
      server.liveHeap();
      HeapHistogram after = server.liveHeap();
      long rssAfter = server.residentBytes();
      double perConnection = (after.totalBytes() - before.totalBytes()) / (double) open;
      double rssPerConnection = (rssAfter - rssBefore) / (double) open;
      line("");
      line("### (a) idle connections");
      line("- " + open + " of " + userIDs.size() + " connections open (each answered 1001) in " + openMillis
          + " ms; client loops: " + Connector.loopSpread(connections));
      line(String.format("- live heap after full GC: %.1f MB before, %.1f MB after -> **%.2f KB per connection**",
          before.totalBytes() / 1048576.0, after.totalBytes() / 1048576.0, perConnection / 1024));
      line(String.format("- process RSS: %.1f MB before, %.1f MB after -> %.2f KB per connection",
          rssBefore / 1048576.0, rssAfter / 1048576.0, rssPerConnection / 1024));
      line("- problems: " + load.problems() + " " + load.problemSamples());
      line("- what grew (class, instances, bytes; per connection):");
      for (Object[] grown : after.grownSince(before, 15)) {
        line(String.format("    %-70s %8d %10d  %6.1f B", grown[0], (Long) grown[1], (Long) grown[2],
            (Long) grown[2] / (double) open));
      }
      connections.forEach(GatewayConnection::close);
      Thread.sleep(2000);
      return String.format("| %s | %d | %.1f | %.1f | %.2f | %.2f |", target.name, open,
          before.totalBytes() / 1048576.0, after.totalBytes() / 1048576.0, perConnection / 1024,
          rssPerConnection / 1024);
    }
  }

  /** (b)/(c): steps at rising rates until two in a row miss the bar. */
  private List<StepResult> sweep(Target target, List<String> userIDs, List<String> tokens, int[] rates)
      throws IOException {
    Duration warmup = Duration.ofSeconds(Long.parseLong(option("warmup", "5")));
    Duration measure = Duration.ofSeconds(Long.parseLong(option("measure", "20")));
    Duration drain = Duration.ofSeconds(Long.parseLong(option("drain", "20")));
    // By default the first rate is recorded, in a step after the sweep: the rate every run reaches.
    int profileRate = Integer.parseInt(option("profile-rate", Integer.toString(rates[0])));
    int stopAfter = Integer.parseInt(option("stop-after-failures", "2"));
    List<StepResult> results = new ArrayList<>();
    LoadTest load = new LoadTest(userIDs, PLATFORM);
    try (Connector connector = new Connector(target.gatewayUrl(), workers())) {
      List<GatewayConnection> connections = connector.openAll(userIDs, tokens, PLATFORM, load);
      load.attach(connections);
      load.firstRequests();
      line("");
      line("### load: " + userIDs.size() + " users in pairs, 300-byte text, open loop, warmup " + warmup.toSeconds()
          + " s, measured " + measure.toSeconds() + " s per step; client loops: " + Connector.loopSpread(connections));
      line("");
      line(StepTable.HEADER);
      line(StepTable.RULE);
      // One message per user first, unmeasured: a pair's first message creates its conversation records, which
      // is a different (and on the embedded store much slower) path than the steady state the steps measure.
      StepResult priming = load.step(0, PRIMING_RATE, Duration.ZERO,
          Duration.ofMillis(1000L * userIDs.size() / PRIMING_RATE), Duration.ofMinutes(3), () -> 0, LoadTest.Window.NONE);
      line(StepTable.row(priming) + " priming: first message of every pair, not part of the sweep |");
      int steps = 0;
      // A server minutes old is still compiling its hot paths: the first steps of a cold server measured the JIT
      // (1.4 cores at 500 msg/s, 1.0 at 2,500 a minute later). Both servers get the same unmeasured warm-up.
      Duration jitWarmup = Duration.ofSeconds(Long.parseLong(option("jit-warmup", "30")));
      if (!jitWarmup.isZero()) {
        StepResult warm = step(load, target, ++steps, rates[0], Duration.ZERO, jitWarmup, drain, null);
        line(StepTable.row(warm) + " warm-up at the first rate for the JIT, not part of the sweep |");
      }
      int failures = 0;
      for (int i = 0; i < rates.length && failures < stopAfter; i++) {
        String loadBefore = loadAverage();
        StepResult result = step(load, target, ++steps, rates[i], warmup, measure, drain, null);
        results.add(result);
        line(StepTable.row(result) + " " + loadBefore + " |");
        // Only saturation (or loss) ends the sweep: a step that delivers its rate with a p99 over the bar still
        // tells nothing about the server's maximum throughput.
        failures = result.saturated() ? failures + 1 : 0;
      }
      // The recording costs the server CPU (a profiled step delivered about half of an unprofiled one), so it is a
      // step of its own after the sweep, not one of the sweep's.
      if (profileRate > 0 && target.name.equals("imflux")) {
        Path recording = out.resolve(target.name + "-" + profileRate + ".jfr");
        String loadBefore = loadAverage();
        StepResult profiled = step(load, target, ++steps, profileRate, warmup, measure, drain, recording);
        line(StepTable.row(profiled) + " " + loadBefore + ", profiled with JFR, not part of the sweep |");
        String summary = JfrReport.summarise(recording);
        Files.writeString(out.resolve(target.name + "-" + profileRate + "-profile.txt"), summary);
        System.out.println("profile of the measured window at " + profileRate + "/s: " + recording + "\n" + summary);
      }
      if (load.problems() > 0) {
        line("- problems: " + load.problems() + " " + load.problemSamples());
      }
      connections.forEach(GatewayConnection::close);
    }
    return results;
  }

  /** One step; with a {@code recording} path the server is recorded with JFR during the measured window. */
  private static StepResult step(LoadTest load, Target target, int index, int rate, Duration warmup, Duration measure,
      Duration drain, Path recording) {
    return load.step(index, rate, warmup, measure, drain, target.process()::cpuNanos, new LoadTest.Window() {
      @Override
      public void opened() {
        if (recording != null) {
          target.process().jcmd("JFR.start", "name=bench", "settings=profile");
        }
      }

      @Override
      public void closed() {
        if (recording != null) {
          target.process().jcmd("JFR.stop", "name=bench", "filename=" + recording);
        }
      }
    });
  }

  private void summary(Map<String, String> idleRows, Map<String, List<StepResult>> sweeps) {
    line("");
    line("## Summary");
    if (!idleRows.isEmpty()) {
      line("");
      line("| (a) server | idle connections | live heap before (MB) | after (MB) | KB per connection | RSS KB per connection |");
      line("|---|---|---|---|---|---|");
      idleRows.values().forEach(this::line);
    }
    if (sweeps.isEmpty()) {
      line("- load average at end: " + loadAverage());
      return;
    }
    line("");
    line("| sweep | highest passing rate (0 loss, p99 <= 50 ms) | max delivered msg/s | at target rate |");
    line("|---|---|---|---|");
    Map<String, Double> max = new HashMap<>();
    sweeps.forEach((name, steps) -> {
      int best = steps.stream().filter(StepResult::passes).mapToInt(StepResult::rate).max().orElse(0);
      StepResult top = steps.stream().max((a, b) -> Double.compare(a.deliveredPerSec(), b.deliveredPerSec()))
          .orElseThrow();
      max.put(name, top.deliveredPerSec());
      line(String.format("| %s | %d | %.0f | %d |", name, best, top.deliveredPerSec(), top.rate()));
    });
    if (max.containsKey("imflux") && max.containsKey("relay")) {
      boolean relaySaturated = sweeps.get("relay").stream().anyMatch(StepResult::saturated);
      line("");
      line(String.format("**imflux max throughput = %.1f%% of the bare relay's** (%.0f / %.0f msg/s)%s",
          100 * max.get("imflux") / max.get("relay"), max.get("imflux"), max.get("relay"),
          relaySaturated ? "" : "; the relay never saturated, so this is an upper bound of the share"));
    }
    line("- load average at end: " + loadAverage());
  }

  private int workers() {
    return Integer.parseInt(option("workers", Integer.toString(Runtime.getRuntime().availableProcessors())));
  }

  private String option(String name, String fallback) {
    return options.getOrDefault(name, fallback);
  }

  private void line(String text) {
    System.out.println(text);
    report.append(text).append('\n');
  }

  /** The 1, 5 and 15 minute load averages, as {@code uptime} prints them. */
  static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "unknown";
    }
  }
}
