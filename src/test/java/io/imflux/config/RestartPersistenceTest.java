package io.imflux.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.ImfluxApplication;
import io.imflux.testing.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/** Stopping the standalone server and starting it on the same data keeps every user and every issued token. */
class RestartPersistenceTest {

  @TempDir
  Path dataDir;

  private ConfigurableApplicationContext start() {
    // Command-line arguments, because they outrank config/application.yml (builder properties do not).
    return new SpringApplicationBuilder(ImfluxApplication.class)
        .run("--server.port=0", "--imflux.gateway.port=0", "--imflux.embedded-mongo.path=" + dataDir);
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  @Test
  void usersAndTokensSurviveARestart() {
    String user = ApiClient.uniqueId("restart");
    String userToken;
    String adminToken;
    try (ConfigurableApplicationContext first = start()) {
      ApiClient api = new ApiClient(port(first));
      api.ok("/user/user_register", api.adminToken(),
          Map.of("users", List.of(Map.of("userID", user, "nickname", "Restarted", "faceURL", "f", "ex", "e"))));
      userToken = api.userToken(user, 2);
      adminToken = api.adminToken();
    }
    assertThat(Files.exists(dataDir.resolve(EmbeddedMongo.FILE_NAME))).isTrue();

    try (ConfigurableApplicationContext second = start()) {
      ApiClient api = new ApiClient(port(second));
      JsonNode info = api.ok("/user/get_users_info", userToken, Map.of("userIDs", List.of(user)));
      assertThat(info.get("usersInfo")).hasSize(1);
      JsonNode stored = info.get("usersInfo").get(0);
      assertThat(stored.get("nickname").asString()).isEqualTo("Restarted");
      assertThat(stored.get("faceURL").asString()).isEqualTo("f");
      assertThat(stored.get("ex").asString()).isEqualTo("e");
      assertThat(api.post("/auth/parse_token", null, Map.of("token", adminToken)).errCode()).isZero();
    }
  }
}
