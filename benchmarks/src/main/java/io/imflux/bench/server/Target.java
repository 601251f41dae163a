package io.imflux.bench.server;

import io.imflux.bench.client.ImfluxApi;
import io.imflux.bench.relay.Relay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A server the load runs against, in its own JVM: imflux (the built jar) or the bare relay. */
public abstract class Target implements AutoCloseable {

  public final String name;
  protected final ServerProcess process;
  protected final int gatewayPort;

  Target(String name, ServerProcess process, int gatewayPort) {
    this.name = name;
    this.process = process;
    this.gatewayPort = gatewayPort;
  }

  public ServerProcess process() {
    return process;
  }

  /** The SDK's {@code wsAddr}. */
  public String gatewayUrl() {
    return "ws://127.0.0.1:" + gatewayPort;
  }

  /** Makes the users exist and answers one token each for {@code platformID}. */
  public abstract List<String> prepareUsers(List<String> userIDs, int platformID);

  @Override
  public void close() {
    process.close();
  }

  /**
   * The imflux jar with a fresh data directory, free ports, its own heap limit and {@code jvmArgs}; logging at WARN
   * so the benchmark measures the server, not its console.
   */
  public static Target imflux(Path jar, Path dataDir, Path log, List<String> jvmArgs) {
    int apiPort = ServerProcess.freePort();
    int gatewayPort = ServerProcess.freePort();
    String api = "http://127.0.0.1:" + apiPort;
    List<String> mainArgs = List.of("-jar", jar.toString(),
        "--server.port=" + apiPort,
        "--imflux.gateway.port=" + gatewayPort,
        "--imflux.embedded-mongo.path=" + dataDir,
        "--logging.level.root=WARN",
        "--logging.level.io.imflux=WARN");
    HttpClient http = HttpClient.newHttpClient();
    ServerProcess process = ServerProcess.start("imflux", jvmArgs, mainArgs, log,
        () -> healthy(http, api) && ServerProcess.listening(gatewayPort), Duration.ofMinutes(3));
    return new Target("imflux", process, gatewayPort) {
      @Override
      public List<String> prepareUsers(List<String> userIDs, int platformID) {
        ImfluxApi client = new ImfluxApi(api, "openIM123", "imAdmin");
        client.register(userIDs);
        return client.userTokens(userIDs, platformID);
      }
    };
  }

  /** The bare relay, started from the benchmark's own classpath. */
  public static Target relay(Path log, List<String> jvmArgs, int workers) {
    int port = ServerProcess.freePort();
    List<String> mainArgs = List.of("-cp", System.getProperty("java.class.path"), Relay.class.getName(),
        Integer.toString(port), Integer.toString(workers));
    ServerProcess process = ServerProcess.start("relay", jvmArgs, mainArgs, log,
        () -> ServerProcess.listening(port), Duration.ofMinutes(1));
    return new Target("relay", process, port) {
      @Override
      public List<String> prepareUsers(List<String> userIDs, int platformID) {
        return new ArrayList<>(Collections.nCopies(userIDs.size(), "relay-needs-no-token"));
      }
    };
  }

  private static boolean healthy(HttpClient http, String api) {
    try {
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(api + "/actuator/health"))
          .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 && response.body().contains("UP");
    } catch (Exception e) {
      return false;
    }
  }
}
