package io.imflux.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.ImfluxApplication;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.reactor.netty.NettyWebServer;
import tools.jackson.databind.JsonNode;

/**
 * An acknowledged message is never lost (ARCHITECTURE §4): a real server process is killed with SIGKILL in the
 * middle of a send burst, restarted on the same data, and every message it had acknowledged is readable, with
 * dense seqs and nothing stored twice.
 */
class CrashDurabilityTest {

  private static final int SENDS = 3000;
  private static final int KILL_AFTER_ACKS = 400;
  private static final int IN_FLIGHT = 64;
  /**
   * Only a guard against a server that hangs while starting: a start takes seconds, but on a loaded 2-core machine it
   * has taken more than 90 s.
   */
  private static final Duration START_BOUND = Duration.ofMinutes(5);
  private static final Duration HEALTH_CALL = Duration.ofSeconds(30);
  private static final Pattern LISTENING = Pattern.compile("Netty started on port (\\d+)");

  @TempDir
  Path dataDir;

  @Test
  void everyAcknowledgedMessageSurvivesAKillDuringASendBurst() throws Exception {
    String a = ApiClient.uniqueId("crash");
    String b = ApiClient.uniqueId("crash");
    Set<String> acked = ConcurrentHashMap.newKeySet();

    Server first = startServer();
    int port = first.port();
    try {
      ApiClient api = new ApiClient(port);
      api.register(a, b);
      String admin = api.adminToken();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      AtomicInteger started = new AtomicInteger();
      Semaphore window = new Semaphore(IN_FLIGHT);
      List<CompletableFuture<Void>> inFlight = new ArrayList<>();
      for (int i = 0; i < SENDS && acked.size() < KILL_AFTER_ACKS; i++) {
        window.acquire();
        started.incrementAndGet();
        String body = ApiClient.JSON.writeValueAsString(Map.of("sendID", a, "recvID", b, "sessionType", 1,
            "contentType", 101, "content", Map.of("content", "burst " + i)));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/msg/send_msg"))
            .header("operationID", UUID.randomUUID().toString())
            .header("token", admin)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
        inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .thenAccept(response -> {
              JsonNode json = ApiClient.JSON.readTree(response.body());
              if (json.get("errCode").asInt() == 0) {
                acked.add(json.get("data").get("serverMsgID").asString());
              }
            })
            .exceptionally(killed -> null)
            .whenComplete((done, error) -> window.release()));
      }
      // Kill while requests are still in flight: some are acknowledged, some never will be.
      first.process().destroyForcibly().waitFor();
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
      assertThat(started.get()).isGreaterThan(acked.size());
    } finally {
      first.process().destroyForcibly();
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);

    Server second = startServer();
    try {
      ApiClient api = new ApiClient(second.port());
      String conversationID = ConversationIds.single(a, b);
      String tokenB = api.userToken(b, 2);
      long maxSeq = api.ok("/msg/newest_seq", tokenB, Map.of("userID", b)).get("maxSeqs").get(conversationID).asLong();
      JsonNode pulled = api.ok("/msg/pull_msg_by_seq", tokenB, Map.of("userID", b, "seqRanges",
          List.of(Map.of("conversationID", conversationID, "begin", 1, "end", maxSeq, "num", maxSeq))));
      JsonNode msgs = pulled.get("msgs").get(conversationID).get("Msgs");

      List<Long> seqs = new ArrayList<>();
      Set<String> stored = new HashSet<>();
      for (JsonNode msg : msgs) {
        seqs.add(msg.get("seq").asLong());
        assertThat(msg.get("status").asInt()).as("no placeholder inside the stored range").isEqualTo(2);
        assertThat(stored.add(msg.get("serverMsgID").asString())).as("stored once").isTrue();
      }
      assertThat(seqs).containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, maxSeq).boxed().toList());
      assertThat(stored).containsAll(acked);
    } finally {
      second.process().destroyForcibly().waitFor();
    }
  }

  /** A server process on {@link #dataDir}, with the HTTP port it bound. */
  private record Server(Process process, int port) {}

  /**
   * Starts a server on ports it picks itself (a port chosen here could be taken before the child binds it, and the
   * gateway's default 10001 by anything else on the machine) and waits until it is healthy.
   */
  private Server startServer() throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dataDir.resolve("server-" + Instant.now().toEpochMilli() + ".log");
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ImfluxApplication.class.getName(), "--server.port=0", "--imflux.gateway.port=0",
        "--imflux.embedded-mongo.path=" + dataDir, "--logging.level.root=WARN",
        "--logging.level." + NettyWebServer.class.getName() + "=INFO")
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      Instant giveUp = Instant.now().plus(START_BOUND);
      int port = awaitPort(process, log, giveUp);
      awaitHealthy(port, process, log, giveUp);
      return new Server(process, port);
    } catch (IOException | InterruptedException | RuntimeException e) {
      process.destroyForcibly().waitFor();
      throw e;
    }
  }

  /** The port of the server's "Netty started on port N" line, which it logs once it listens. */
  private static int awaitPort(Process process, Path log, Instant giveUp) throws IOException, InterruptedException {
    while (true) {
      Matcher started = LISTENING.matcher(Files.readString(log));
      if (started.find()) {
        return Integer.parseInt(started.group(1));
      }
      checkStarting(process, log, giveUp, "never listened");
      Thread.sleep(200);
    }
  }

  private static void awaitHealthy(int port, Process process, Path log, Instant giveUp)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    String last = "no answer";
    while (true) {
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/actuator/health")).timeout(HEALTH_CALL).build(),
            HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
        last = health.statusCode() + " " + health.body();
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      checkStarting(process, log, giveUp, "never became healthy (last health answer: " + last + ")");
      Thread.sleep(200);
    }
  }

  /** Fails when the server exited or is still not up at the hang guard, with the end of its log. */
  private static void checkStarting(Process process, Path log, Instant giveUp, String problem) throws IOException {
    if (!process.isAlive()) {
      throw new IllegalStateException("the server exited with " + process.exitValue() + "; its log ends:\n"
          + tail(log));
    }
    if (Instant.now().isAfter(giveUp)) {
      throw new IllegalStateException("the server " + problem + " within " + START_BOUND + "; its log ends:\n"
          + tail(log));
    }
  }

  private static String tail(Path log) throws IOException {
    String text = Files.readString(log);
    return text.substring(Math.max(0, text.length() - 4000));
  }
}
