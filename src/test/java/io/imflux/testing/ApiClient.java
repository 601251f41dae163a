package io.imflux.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for integration tests, speaking to the server as an app or admin tool would: JSON bodies,
 * {@code operationID} and {@code token} headers. Calls block the test thread, never the server's.
 */
public final class ApiClient {

  public static final String ADMIN_ID = "imAdmin";
  public static final String SECRET = "openIM123";
  private static final AtomicLong COUNTER = new AtomicLong();
  public static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;
  private @Nullable String adminToken;

  public ApiClient(int port) {
    this.base = "http://127.0.0.1:" + port;
  }

  /** A user ID no other test uses, made of letters, digits and {@code _} only. */
  public static String uniqueId(String prefix) {
    return prefix + "_" + COUNTER.incrementAndGet() + "_" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The raw exchange: status, body text and the parsed body (null when it is not JSON). */
  public record Result(int status, String text, @Nullable JsonNode json, java.net.http.HttpHeaders headers) {

    public int errCode() {
      return json().get("errCode").asInt();
    }

    @Override
    public JsonNode json() {
      if (json == null) {
        throw new AssertionError("not a JSON body: " + text);
      }
      return json;
    }

    public JsonNode data() {
      return json().get("data");
    }
  }

  public Result send(String method, String path, Map<String, String> headers, @Nullable String body) {
    return exchange(method, path, headers,
        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
  }

  /** A request with a binary body (the {@code /jssdk/*} protobuf mode). */
  public Result sendBytes(String method, String path, Map<String, String> headers, byte[] body) {
    return exchange(method, path, headers, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  private Result exchange(String method, String path, Map<String, String> headers, HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).method(method, body);
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode json = null;
      try {
        json = JSON.readTree(response.body());
      } catch (RuntimeException notJson) {
        // text bodies (404) are asserted as text
      }
      return new Result(response.statusCode(), response.body(), json, response.headers());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST with an operationID and, when given, a token. */
  public Result post(String path, @Nullable String token, String body) {
    Map<String, String> headers = token == null
        ? Map.of("operationID", UUID.randomUUID().toString())
        : Map.of("operationID", UUID.randomUUID().toString(), "token", token);
    return send("POST", path, headers, body);
  }

  /** POST of an object serialised with Jackson. */
  public Result post(String path, @Nullable String token, Object body) {
    return post(path, token, JSON.writeValueAsString(body));
  }

  /** POST that must succeed; returns {@code data} (null when the route has none). */
  public @Nullable JsonNode ok(String path, @Nullable String token, Object body) {
    Result result = body instanceof String text ? post(path, token, text) : post(path, token, body);
    if (result.status() != 200 || result.errCode() != 0) {
      throw new AssertionError(path + " failed: " + result.status() + " " + result.text());
    }
    return result.json().get("data");
  }

  public String adminToken() {
    if (adminToken == null) {
      adminToken = ok("/auth/get_admin_token", null, Map.of("secret", SECRET, "userID", ADMIN_ID))
          .get("token").asString();
    }
    return adminToken;
  }

  /** Registers users with nickname = ID, as the admin. */
  public void register(String... userIDs) {
    var users = java.util.Arrays.stream(userIDs).map(id -> Map.of("userID", id, "nickname", id)).toList();
    ok("/user/user_register", adminToken(), Map.of("users", users));
  }

  public String userToken(String userID, int platformID) {
    return ok("/auth/get_user_token", adminToken(), Map.of("userID", userID, "platformID", platformID))
        .get("token").asString();
  }
}
