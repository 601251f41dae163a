package io.imflux.sdk;

import io.imflux.testing.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One device of one user running the official SDK core: a {@code node device.js} process (src/test/sdk), driven by
 * JSON-line commands on its stdin, reporting replies and the SDK's listener callbacks on its stdout. Every call waits
 * for its answer; every wait fails with what all devices of the {@link SdkSession} saw and logged.
 */
final class SdkDevice implements AutoCloseable {

  /** The SDK callbacks through which received messages reach an app. */
  static final List<String> MESSAGE_EVENTS =
      List.of("OnRecvNewMessage", "OnRecvNewMessages", "OnRecvOfflineNewMessage", "OnRecvOfflineNewMessages");

  private static final Duration POLL = Duration.ofMillis(250);
  private static final int MAX_LOG_LINE = 800;

  private final String name;
  private final SdkSession session;
  private final Path dataDir;
  private final Process process;
  private final OutputStream commands;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
  private final Set<Integer> quietReplies = ConcurrentHashMap.newKeySet();
  private final CompletableFuture<JsonNode> ready = new CompletableFuture<>();
  private final List<String> transcript = new ArrayList<>();
  private final List<JsonNode> events = new ArrayList<>();

  SdkDevice(String name, SdkSession session, Path dataDir, Map<String, Object> imConfig) {
    this.name = name;
    this.session = session;
    this.dataDir = dataDir;
    try {
      Files.createDirectories(dataDir);
      String config = ApiClient.JSON.writeValueAsString(imConfig);
      process = new ProcessBuilder("node", OfficialSdk.DIR.resolve("device.js").toString(), config)
          .directory(OfficialSdk.DIR.toFile())
          .redirectError(dataDir.resolve("stderr.log").toFile())
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    commands = process.getOutputStream();
    Thread reader = new Thread(this::readOutput, "sdk-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits until the SDK is loaded and initialised ({@code init_sdk} accepted the configuration). */
  void awaitStarted() {
    await(ready, "start the SDK");
  }

  /** {@code login}: the SDK opens its database, answers, then connects to the gateway in the background. */
  void login(String userID, String token) {
    call("login", Map.of("userID", userID, "token", token));
  }

  /** Sends a text message to a user; returns the message as the SDK's send callback reports it. */
  JsonNode sendText(String recvID, String text) {
    return call("sendText", Map.of("recvID", recvID, "text", text));
  }

  /**
   * Sends a text message the server is expected to refuse; returns the SDK's failure report (errCode, errMsg), or
   * fails if the message went through.
   */
  JsonNode sendTextRefused(String recvID, String text) {
    JsonNode answer = answer("sendText", Map.of("recvID", recvID, "text", text), true);
    if (answer.get("errCode").asInt() == 0) {
      throw session.failure(name + ": the message \"" + text + "\" to " + recvID + " was accepted");
    }
    return answer;
  }

  /** {@code add_friend}: asks {@code userID} to become a friend. */
  void addFriend(String userID, String reqMsg) {
    call("addFriend", Map.of("toUserID", userID, "reqMsg", reqMsg));
  }

  /** {@code accept_friend_application}: accepts the pending request of {@code applicant}. */
  void acceptFriendApplication(String applicant, String handleMsg) {
    call("acceptFriendApplication", Map.of("fromUserID", applicant, "handleMsg", handleMsg));
  }

  /** {@code get_friend_list}: the SDK's local friend list, blacklisted users included. */
  List<JsonNode> friends() {
    JsonNode data = call("friends", Map.of());
    return data == null || data.isNull() ? List.of() : data.values().stream().toList();
  }

  /** {@code add_black}: blocks {@code userID}. */
  void addBlack(String userID) {
    call("addBlack", Map.of("userID", userID));
  }

  /** The newest {@code count} messages of a conversation, oldest first; the SDK pulls what it lacks by seq. */
  List<JsonNode> history(String conversationID, int count) {
    JsonNode data = call("history", Map.of("conversationID", conversationID, "count", count));
    return data.get("messageList").values().stream().toList();
  }

  /**
   * Waits until the SDK's local conversation list ({@code get_all_conversation_list}) holds the one-to-one
   * conversation with {@code peer}; returns it.
   */
  JsonNode awaitConversationWith(String peer) {
    return awaitConversationWith(peer, conversation -> true, "");
  }

  /**
   * Waits until the SDK's local conversation list holds the one-to-one conversation with {@code peer} and that
   * conversation meets {@code condition} ({@code what} describes it for the failure message); returns it.
   */
  JsonNode awaitConversationWith(String peer, Predicate<JsonNode> condition, String what) {
    long deadline = System.nanoTime() + SdkSession.WAIT.toNanos();
    JsonNode last = null;
    for (int polls = 1; ; polls++) {
      // Only the first poll goes into the transcript; the rest would drown it.
      for (JsonNode conversation : call("conversations", Map.of(), polls == 1).values()) {
        if (conversation.get("conversationType").asInt() == 1 && peer.equals(conversation.get("userID").asString())) {
          last = conversation;
        }
      }
      if (last != null && condition.test(last)) {
        record("  (conversation with " + peer + what + " found after " + polls + " poll(s))");
        return last;
      }
      if (System.nanoTime() > deadline) {
        record("  (no conversation with " + peer + what + " in " + polls + " polls; last seen: " + last + ")");
        throw session.failure(name + " has no conversation with " + peer + what + " after "
            + SdkSession.WAIT.toSeconds() + " s; last seen: " + last);
      }
      sleep(POLL);
    }
  }

  /**
   * Waits until the conversation with {@code peer} shows {@code unread} unread messages and the text {@code latest}
   * as its latest message, as an app's conversation list shows them.
   */
  JsonNode awaitConversationWith(String peer, int unread, String latest) {
    return awaitConversationWith(peer,
        conversation -> conversation.get("unreadCount").asInt() == unread && latest.equals(latestText(conversation)),
        " with " + unread + " unread and latest message \"" + latest + "\"");
  }

  /** {@code mark_conversation_message_as_read}: marks every message of the conversation read. */
  void markConversationRead(String conversationID) {
    call("markConversationRead", Map.of("conversationID", conversationID));
  }

  /** The text of a conversation's latest message, which the SDK keeps as a JSON string ("" while it has none). */
  static String latestText(JsonNode conversation) {
    String latest = conversation.path("latestMsg").asString("");
    return latest.isBlank() ? null : textOf(ApiClient.JSON.readTree(latest));
  }

  /** Waits until the first sync after connecting has ended, finished or failed. */
  void awaitFirstSync() {
    awaitSeen(seen -> seen.stream().map(e -> e.get("event").asString())
        .filter(e -> e.equals("OnSyncServerFinish") || e.equals("OnSyncServerFailed")).findFirst(),
        "the end of its first sync (OnSyncServerFinish or OnSyncServerFailed)");
  }

  /** Waits until a listener callback named {@code event} has been reported; returns its data. */
  JsonNode awaitEvent(String event) {
    return awaitSeen(seen -> seen.stream()
        .filter(e -> e.get("event").asString().equals(event))
        .map(e -> e.get("data")).findFirst(), event);
  }

  /** Waits until a text message with this content has reached the app through a message callback. */
  JsonNode awaitReceivedText(String text) {
    return awaitSeen(seen -> messagesIn(seen).filter(m -> text.equals(textOf(m))).findFirst(),
        "the text \"" + text + "\" through " + MESSAGE_EVENTS);
  }

  /** Every message reported so far through {@link #MESSAGE_EVENTS}, in the order reported. */
  List<JsonNode> receivedMessages() {
    synchronized (events) {
      return messagesIn(events).toList();
    }
  }

  private static Stream<JsonNode> messagesIn(List<JsonNode> seen) {
    return seen.stream()
        .filter(e -> MESSAGE_EVENTS.contains(e.get("event").asString()))
        .flatMap(e -> e.get("data").isArray() ? e.get("data").values().stream() : Stream.of(e.get("data")));
  }

  /** Whether a callback with this name has been reported so far. */
  boolean reported(String event) {
    synchronized (events) {
      return events.stream().anyMatch(e -> e.get("event").asString().equals(event));
    }
  }

  static String textOf(JsonNode message) {
    JsonNode textElem = message.get("textElem");
    return textElem == null || textElem.isNull() ? null : textElem.get("content").asString();
  }

  /** The SDK core's own log, without terminal colours. */
  String sdkLog() {
    return read(dataDir.resolve("sdk.log")).replaceAll("\u001B\\[[0-9;]*m", "");
  }

  /** What this device did and logged, for a failure message. */
  String diagnostics() {
    StringBuilder text = new StringBuilder("----- device ").append(name).append(" (").append(dataDir).append(")\n");
    synchronized (transcript) {
      transcript.forEach(line -> text.append("  ").append(line).append('\n'));
    }
    text.append("  --- stderr\n").append(tail(read(dataDir.resolve("stderr.log")), 40));
    text.append("  --- SDK log (tail)\n").append(tail(sdkLog(), SdkSession.LOG_TAIL_LINES));
    return text.toString();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      try {
        commands.write("{\"op\":\"exit\"}\n".getBytes(StandardCharsets.UTF_8));
        commands.flush();
      } catch (IOException alreadyGone) {
        // the process is ending anyway
      }
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }

  private JsonNode call(String op, Map<String, Object> arguments) {
    return call(op, arguments, true);
  }

  private JsonNode call(String op, Map<String, Object> arguments, boolean recorded) {
    JsonNode answer = answer(op, arguments, recorded);
    if (answer.get("errCode").asInt() != 0) {
      throw session.failure(name + ": " + op + " failed with errCode " + answer.get("errCode").asInt() + " "
          + answer.get("errMsg").asString());
    }
    return answer.get("data");
  }

  /** Runs a command and returns the SDK's whole answer, successful or not. */
  private JsonNode answer(String op, Map<String, Object> arguments, boolean recorded) {
    int id = ids.incrementAndGet();
    ObjectNode command = ApiClient.JSON.valueToTree(arguments);
    command.put("id", id).put("op", op);
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    replies.put(id, reply);
    String line = ApiClient.JSON.writeValueAsString(command);
    if (recorded) {
      record("> " + line);
    } else {
      quietReplies.add(id);
    }
    try {
      commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      commands.flush();
    } catch (IOException e) {
      throw session.failure(name + " is gone: cannot send " + op + " (" + e.getMessage() + ")");
    }
    return await(reply, op);
  }

  private JsonNode await(CompletableFuture<JsonNode> future, String what) {
    try {
      return future.get(SdkSession.WAIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw session.failure(name + " did not " + what + " within " + SdkSession.WAIT.toSeconds() + " s");
    } catch (ExecutionException e) {
      throw session.failure(name + " could not " + what + ": " + e.getCause().getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code find} finds something in the callbacks reported so far. */
  private <T> T awaitSeen(Function<List<JsonNode>, Optional<T>> find, String what) {
    long deadline = System.nanoTime() + SdkSession.WAIT.toNanos();
    synchronized (events) {
      while (true) {
        Optional<T> found = find.apply(events);
        if (found.isPresent()) {
          return found.get();
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw session.failure(name + " did not report " + what + " within " + SdkSession.WAIT.toSeconds() + " s");
        }
        waitOn(events, left);
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void waitOn(Object monitor, long nanos) {
    try {
      TimeUnit.NANOSECONDS.timedWait(monitor, nanos);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private void readOutput() {
    try (BufferedReader lines = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonNode message = parse(line);
        boolean quiet = message.path("type").asString("").equals("reply")
            && quietReplies.remove(message.path("id").asInt());
        if (!quiet) {
          record("< " + line);
        }
        accept(message);
      }
    } catch (IOException | RuntimeException e) {
      record("! output unreadable: " + e);
    }
    String end = "node exited" + (exited() ? " with " + process.exitValue() : "");
    record("! " + end);
    IllegalStateException gone = new IllegalStateException(end);
    ready.completeExceptionally(gone);
    replies.values().forEach(reply -> reply.completeExceptionally(gone));
  }

  private boolean exited() {
    try {
      return process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static JsonNode parse(String line) {
    try {
      return ApiClient.JSON.readTree(line);
    } catch (RuntimeException notJson) {
      return ApiClient.JSON.nullNode();
    }
  }

  private void accept(JsonNode message) {
    switch (message.path("type").asString("")) {
      case "ready" -> ready.complete(message);
      case "fatal" -> ready.completeExceptionally(new IllegalStateException(message.toString()));
      case "reply" -> {
        CompletableFuture<JsonNode> reply = replies.remove(message.path("id").asInt());
        if (reply != null) {
          reply.complete(message);
        }
      }
      case "event" -> {
        synchronized (events) {
          events.add(message);
          events.notifyAll();
        }
      }
      default -> { }
    }
  }

  private void record(String line) {
    synchronized (transcript) {
      transcript.add(line.length() > 2000 ? line.substring(0, 2000) + "...(" + line.length() + " chars)" : line);
    }
  }

  private static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(unreadable: " + e + ")";
    }
  }

  private static String tail(String text, int lines) {
    List<String> all = text.lines().toList();
    StringBuilder tail = new StringBuilder();
    for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
      tail.append("    ").append(line.length() > MAX_LOG_LINE ? line.substring(0, MAX_LOG_LINE) + "..." : line)
          .append('\n');
    }
    return tail.toString();
  }
}
