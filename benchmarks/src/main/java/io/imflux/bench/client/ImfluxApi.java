package io.imflux.bench.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few HTTP API calls the benchmark needs (README "Quick start"): an admin token from the shared secret, user
 * registration, and one user token per user and platform.
 */
public final class ImfluxApi {

  private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
  private static final Pattern ERR_CODE = Pattern.compile("\"errCode\"\\s*:\\s*(\\d+)");
  private static final int REGISTER_BATCH = 500;
  private static final int PARALLEL_CALLS = 16;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String adminToken;

  public ImfluxApi(String base, String secret, String adminUserID) {
    this.base = base;
    this.adminToken = token(call("/auth/get_admin_token", null,
        "{\"secret\":\"" + secret + "\",\"userID\":\"" + adminUserID + "\"}"));
  }

  public void register(List<String> userIDs) {
    for (int from = 0; from < userIDs.size(); from += REGISTER_BATCH) {
      StringJoiner users = new StringJoiner(",", "{\"users\":[", "]}");
      for (String userID : userIDs.subList(from, Math.min(userIDs.size(), from + REGISTER_BATCH))) {
        users.add("{\"userID\":\"" + userID + "\",\"nickname\":\"" + userID + "\"}");
      }
      call("/user/user_register", adminToken, users.toString());
    }
  }

  /** One token per user for {@code platformID}, a bounded number of calls at a time. */
  public List<String> userTokens(List<String> userIDs, int platformID) {
    Semaphore permits = new Semaphore(PARALLEL_CALLS);
    List<CompletableFuture<String>> tokens = new ArrayList<>(userIDs.size());
    for (String userID : userIDs) {
      permits.acquireUninterruptibly();
      tokens.add(http.sendAsync(request("/auth/get_user_token", adminToken,
              "{\"userID\":\"" + userID + "\",\"platformID\":" + platformID + "}"), HttpResponse.BodyHandlers.ofString())
          .thenApply(response -> token(checked(response.body())))
          .whenComplete((token, error) -> permits.release()));
    }
    return tokens.stream().map(CompletableFuture::join).toList();
  }

  private String call(String path, String token, String body) {
    try {
      return checked(http.send(request(path, token, body), HttpResponse.BodyHandlers.ofString()).body());
    } catch (IOException e) {
      throw new IllegalStateException(path + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(path + " interrupted", e);
    }
  }

  private HttpRequest request(String path, String token, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .timeout(Duration.ofSeconds(30))
        .header("operationID", "bench-" + System.nanoTime())
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("token", token);
    }
    return request.build();
  }

  private static String checked(String body) {
    Matcher code = ERR_CODE.matcher(body);
    if (!code.find() || !code.group(1).equals("0")) {
      throw new IllegalStateException("API error: " + body);
    }
    return body;
  }

  private static String token(String body) {
    Matcher token = TOKEN.matcher(body);
    if (!token.find()) {
      throw new IllegalStateException("no token in " + body);
    }
    return token.group(1);
  }
}
