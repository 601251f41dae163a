package io.imflux.pipeline;

import com.sun.management.OperatingSystemMXBean;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.msg.MessageSender;
import io.imflux.proto.msg.SendMsgResp;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * How many one-to-one messages a second the standalone pipeline stores (send path, sequencer, H2 store, records,
 * push dispatch), measured in process. Not a test: it prints numbers and is excluded from the build's test run.
 * Run: {@code ./mvnw test -Dtest=PipelineThroughputBenchmark -Dsurefire.excludedGroups=none}
 */
@ImfluxTest
@Tag("benchmark")
class PipelineThroughputBenchmark {

  private static final int PAIRS = 100;
  private static final int WARM_UP = 20_000;
  private static final int MEASURED = 100_000;
  private static final int CONCURRENCY = 512;

  @LocalServerPort
  int port;
  @Autowired
  MessageSender sender;

  @Test
  void oneToOneMessagesPerSecond() {
    ApiClient api = new ApiClient(port);
    List<String> users = new ArrayList<>();
    for (int i = 0; i < PAIRS * 2; i++) {
      users.add(ApiClient.uniqueId("bench"));
    }
    api.register(users.toArray(String[]::new));

    run(users, WARM_UP);
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long cpuStart = os.getProcessCpuTime();
    long start = System.nanoTime();
    run(users, MEASURED);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuMicrosPerMessage = (os.getProcessCpuTime() - cpuStart) / 1e3 / MEASURED;
    int cores = Runtime.getRuntime().availableProcessors();
    System.out.printf("pipeline: %d one-to-one messages in %.2f s = %.0f msgs/s (%d conversations, %d in flight, %d cores)%n",
        MEASURED, seconds, MEASURED / seconds, PAIRS, CONCURRENCY, cores);
    // Wall time swings with whatever else the machine runs; the JVM's CPU time per message does much less.
    System.out.printf("pipeline: %.1f µs of CPU per message (all threads) = %.0f msgs/s if this JVM had all %d cores%n",
        cpuMicrosPerMessage, cores * 1e6 / cpuMicrosPerMessage, cores);
  }

  /**
   * {@link #CONCURRENCY} senders, each sending its share one message after another: a flatMap over every message
   * would scan all of its in-flight inners on each completion and show up in the profile as the top cost.
   */
  private void run(List<String> users, int count) {
    Flux.range(0, CONCURRENCY)
        .flatMap(worker -> Flux.range(0, (count + CONCURRENCY - 1) / CONCURRENCY)
            .map(k -> worker + k * CONCURRENCY)
            .takeWhile(i -> i < count)
            .concatMap(i -> send(users, i))
            .then(), CONCURRENCY)
        .blockLast(Duration.ofMinutes(10));
  }

  private Mono<SendMsgResp> send(List<String> users, int i) {
    int pair = i % PAIRS;
    String from = users.get(pair * 2 + (i / PAIRS) % 2);
    String to = users.get(pair * 2 + 1 - (i / PAIRS) % 2);
    return sender.send(new Operator(from, Platform.ANDROID, false), PipelineTest.text(from, to, "m" + i));
  }
}
