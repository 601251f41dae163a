package io.imflux.sdk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The official OpenIM SDK core, ready to run: Node.js found on the PATH and the npm packages of {@code src/test/sdk}
 * installed there once ({@code npm ci}, kept in its {@code node_modules} until {@code package-lock.json} changes).
 * Without Node.js the suite is skipped on a developer's machine and fails in CI, which installs it (.ci/run).
 */
final class OfficialSdk {

  static final Path DIR = Path.of("src", "test", "sdk").toAbsolutePath();
  private static final Path MARKER = DIR.resolve("node_modules").resolve(".imflux-installed-lock");
  private static final Pattern NODE_VERSION = Pattern.compile("v(\\d+)\\.");
  private static final int OLDEST_NODE = 18;
  private static final long INSTALL_MINUTES = 10;

  private static OfficialSdk installed;

  private final Path logs;

  private OfficialSdk(Path logs) {
    this.logs = logs;
  }

  /** The installation, made on the first call of this JVM. */
  static synchronized OfficialSdk installed() {
    if (installed == null) {
      Path logs = Path.of("target", "sdk").toAbsolutePath();
      requireNode(logs);
      install(logs);
      installed = new OfficialSdk(logs);
    }
    return installed;
  }

  /** Where the devices of one test keep their data directories and logs. */
  Path workDir(String testName) {
    Path dir = logs.resolve(testName + "-" + System.currentTimeMillis());
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void requireNode(Path logs) {
    String version;
    try {
      version = run(List.of("node", "--version"), DIR, logs.resolve("node-version.log"), 1).trim();
    } catch (IllegalStateException | java.io.UncheckedIOException e) {
      String why = "Node.js " + OLDEST_NODE + "+ and npm are needed to run the official OpenIM SDK (" + e.getMessage()
          + "); .ci/run installs them";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(why, e);
      }
      Assumptions.abort(why);
      return;
    }
    Matcher major = NODE_VERSION.matcher(version);
    if (!major.lookingAt() || Integer.parseInt(major.group(1)) < OLDEST_NODE) {
      throw new IllegalStateException("Node.js " + OLDEST_NODE + "+ is needed, found " + version);
    }
  }

  /** {@code npm ci} unless node_modules already holds exactly what package-lock.json pins. */
  private static void install(Path logs) {
    try {
      String lock = sha256(Files.readAllBytes(DIR.resolve("package-lock.json")));
      if (Files.isRegularFile(MARKER) && Files.readString(MARKER).equals(lock)) {
        return;
      }
      // No install scripts: koffi ships its prebuilt binaries, and Electron (a peer dependency) is never fetched.
      run(List.of("npm", "ci", "--legacy-peer-deps", "--ignore-scripts", "--no-audit", "--no-fund"), DIR,
          logs.resolve("npm-ci.log"), INSTALL_MINUTES);
      Files.writeString(MARKER, lock);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Runs a command to completion with its output in {@code log}; returns the output, or fails with it. */
  static String run(List<String> command, Path dir, Path log, long timeoutMinutes) {
    try {
      Files.createDirectories(log.getParent());
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
      process.getOutputStream().close();
      boolean done = process.waitFor(timeoutMinutes, TimeUnit.MINUTES);
      if (!done) {
        process.destroyForcibly();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      if (!done || process.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + (done ? " exited " + process.exitValue()
            : " did not finish in " + timeoutMinutes + " min") + ":\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(String.join(" ", command) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
