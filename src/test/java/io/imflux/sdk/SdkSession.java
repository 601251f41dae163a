package io.imflux.sdk;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK devices of one test, all pointed at one server. Each device gets its own data directory under
 * {@code target/sdk/}; a failure anywhere reports what every device of the session did and logged.
 */
final class SdkSession implements AutoCloseable {

  /** How long any one step may take: generous, so that a slow CI machine never fails a correct server. */
  static final Duration WAIT = Duration.ofSeconds(60);
  /** How much of each SDK log a failure message quotes; the whole logs stay under the data directories. */
  static final int LOG_TAIL_LINES = Integer.getInteger("sdk.logTail", 80);
  /** The SDK core's log level: 5 logs every request and frame it handles, 6 adds the SDK's own verbose lines. */
  private static final int LOG_LEVEL = Integer.getInteger("sdk.logLevel", 5);

  private final String apiAddr;
  private final String wsAddr;
  private final Path workDir;
  private final List<SdkDevice> devices = new ArrayList<>();

  SdkSession(String testName, String apiAddr, String wsAddr) {
    this.apiAddr = apiAddr;
    this.wsAddr = wsAddr;
    this.workDir = OfficialSdk.installed().workDir(testName);
  }

  /** A new device, on a platform ID of the openim dialect, with a fresh data directory named after it. */
  SdkDevice device(String name, int platformID) {
    return device(name, platformID, workDir.resolve(name));
  }

  /** A device that reuses a data directory: the same installation, started again. */
  SdkDevice device(String name, int platformID, Path dataDir) {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("apiAddr", apiAddr);
    config.put("wsAddr", wsAddr);
    config.put("platformID", platformID);
    config.put("dataDir", dataDir.toString());
    config.put("logLevel", LOG_LEVEL);
    SdkDevice device = new SdkDevice(name, this, dataDir, config);
    synchronized (devices) {
      devices.add(device);
    }
    device.awaitStarted();
    return device;
  }

  Path dataDir(String name) {
    return workDir.resolve(name);
  }

  /** An assertion failure whose message carries every device's transcript and SDK log. */
  AssertionError failure(String message) {
    StringBuilder text = new StringBuilder(message).append("\nserver: ").append(apiAddr).append(" / ")
        .append(wsAddr).append("; device data under ").append(workDir).append('\n');
    synchronized (devices) {
      devices.forEach(device -> text.append(device.diagnostics()));
    }
    return new AssertionError(text.toString());
  }

  @Override
  public void close() {
    synchronized (devices) {
      devices.forEach(SdkDevice::close);
    }
  }
}
