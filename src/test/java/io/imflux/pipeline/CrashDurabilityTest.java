package io.imflux.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.ImfluxApplication;
import io.imflux.msg.ConversationIds;
import io.imflux.testing.ApiClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @TempDir
  Path dataDir;

  @Test
  void everyAcknowledgedMessageSurvivesAKillDuringASendBurst() throws Exception {
    String a = ApiClient.uniqueId("crash");
    String b = ApiClient.uniqueId("crash");
    Set<String> acked = ConcurrentHashMap.newKeySet();

    int port = freePort();
    Process first = startServer(port);
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
      first.destroyForcibly().waitFor();
      CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
      assertThat(started.get()).isGreaterThan(acked.size());
    } finally {
      first.destroyForcibly();
    }
    assertThat(acked).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);

    Process second = startServer(port);
    try {
      ApiClient api = new ApiClient(port);
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
      second.destroyForcibly().waitFor();
    }
  }

  private Process startServer(int port) throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ImfluxApplication.class.getName(), "--server.port=" + port, "--imflux.embedded-mongo.path=" + dataDir,
        "--logging.level.root=WARN")
        .redirectErrorStream(true)
        .redirectOutput(dataDir.resolve("server-" + Instant.now().toEpochMilli() + ".log").toFile())
        .start();
    awaitHealthy(port, process);
    return process;
  }

  private static void awaitHealthy(int port, Process process) throws InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the server exited with " + process.exitValue());
      }
      try {
        HttpResponse<String> health = http.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("the server did not become healthy in time");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
