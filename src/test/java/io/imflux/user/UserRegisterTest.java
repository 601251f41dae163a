package io.imflux.user;

import static io.imflux.testing.Envelopes.USER_INFO_KEYS;
import static io.imflux.testing.Envelopes.assertEmptySuccess;
import static io.imflux.testing.Envelopes.assertError;
import static io.imflux.testing.Envelopes.data;
import static io.imflux.testing.Envelopes.keys;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code /user/user_register} (spec/api-auth-user.md §5). */
@ImfluxTest
class UserRegisterTest {

  @LocalServerPort
  int port;

  ApiClient client;

  @BeforeEach
  void client() {
    client = new ApiClient(port);
  }

  @Test
  void registersEveryFieldAsGivenWithTheServersCreateTime() {
    String a = ApiClient.uniqueId("reg");
    String b = ApiClient.uniqueId("reg");
    long before = System.currentTimeMillis();
    assertEmptySuccess(client.post("/user/user_register", client.adminToken(), Map.of("users", List.of(
        Map.of("userID", a, "nickname", "Alice", "faceURL", "http://f/a.png", "ex", "{\"k\":1}",
            "appMangerLevel", 3, "globalRecvMsgOpt", 2, "createTime", 5),
        Map.of("userID", b, "nickname", "Bob")))));
    long after = System.currentTimeMillis();

    JsonNode infos = data(client.post("/user/get_users_info", client.adminToken(), Map.of("userIDs", List.of(a, b))))
        .get("usersInfo");
    assertThat(infos.size()).isEqualTo(2);
    JsonNode alice = infos.get(0);
    assertThat(keys(alice)).isEqualTo(USER_INFO_KEYS);
    assertThat(alice.get("userID").asString()).isEqualTo(a);
    assertThat(alice.get("nickname").asString()).isEqualTo("Alice");
    assertThat(alice.get("faceURL").asString()).isEqualTo("http://f/a.png");
    assertThat(alice.get("ex").asString()).isEqualTo("{\"k\":1}");
    assertThat(alice.get("createTime").asLong()).isBetween(before, after);
    assertThat(alice.get("appMangerLevel").asInt()).isEqualTo(3);
    assertThat(alice.get("globalRecvMsgOpt").asInt()).isEqualTo(2);
    JsonNode bob = infos.get(1);
    assertThat(keys(bob)).isEqualTo(USER_INFO_KEYS);
    assertThat(bob.get("faceURL").asString()).isEmpty();
    assertThat(bob.get("ex").asString()).isEmpty();
    assertThat(bob.get("appMangerLevel").asInt()).isZero();
    assertThat(bob.get("globalRecvMsgOpt").asInt()).isZero();
  }

  @Test
  void acceptsLettersOfAnyScriptDigitsAndUnderscore() {
    String id = ApiClient.uniqueId("用户_Ünï_٣");
    assertEmptySuccess(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", id, "nickname", "n")))));
    assertThat(accountStatus(id)).isEqualTo(1);
  }

  @Test
  void missingOrNullUsersIsAnArgumentError() {
    assertError(client.post("/user/user_register", client.adminToken(), "{}"), 1001, "users are empty");
    assertError(client.post("/user/user_register", client.adminToken(), "{\"users\":null}"), 1001, "users are empty");
    assertError(client.post("/user/user_register", client.adminToken(), "{\"users\":[]}"), 1001, "users are empty");
  }

  @Test
  void malformedOrMistypedBodiesAreArgumentErrors() {
    String token = client.adminToken();
    assertError(client.post("/user/user_register", token, ""), 1001, "");
    assertError(client.post("/user/user_register", token, "{\"users\":"), 1001, "");
    assertError(client.post("/user/user_register", token, "{\"users\":\"x\"}"), 1001, "");
    assertError(client.post("/user/user_register", token, "{\"users\":[null]}"), 1001, "");
    assertError(client.post("/user/user_register", token,
        "{\"users\":[{\"userID\":\"u1\",\"nickname\":\"n\",\"appMangerLevel\":\"1\"}]}"), 1001, "");
    assertError(client.post("/user/user_register", token,
        "{\"users\":[{\"userID\":\"u1\",\"nickname\":\"n\",\"globalRecvMsgOpt\":1.5}]}"), 1001, "");
    assertError(client.post("/user/user_register", token,
        "{\"users\":[{\"userID\":7,\"nickname\":\"n\"}]}"), 1001, "");
  }

  @Test
  void illegalUserIDsAreRejectedAndNothingIsCreated() {
    String good = ApiClient.uniqueId("ok");
    for (String bad : List.of("", "a-b", "a:b", "a b", "a.b", "a@b")) {
      String badID = bad.isEmpty() ? bad : ApiClient.uniqueId("x") + bad;
      assertError(client.post("/user/user_register", client.adminToken(), Map.of("users", List.of(
          Map.of("userID", good, "nickname", "n"),
          Map.of("userID", badID, "nickname", "n")))), 1001, "userID is legal");
    }
    assertThat(accountStatus(good)).isZero();
  }

  @Test
  void emptyNicknameIsRejected() {
    String id = ApiClient.uniqueId("nonick");
    assertError(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", id, "nickname", "")))), 1001, "user name is empty");
    assertError(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", id)))), 1001, "user name is empty");
    assertThat(accountStatus(id)).isZero();
  }

  @Test
  void onlyAnAdminRegistersButArgumentsAreCheckedFirst() {
    String member = ApiClient.uniqueId("member");
    client.register(member);
    String token = client.userToken(member, 2);
    String id = ApiClient.uniqueId("new");
    assertError(client.post("/user/user_register", token,
        Map.of("users", List.of(Map.of("userID", id, "nickname", "n")))), 1002, member);
    assertError(client.post("/user/user_register", token,
        Map.of("users", List.of(Map.of("userID", "a-b", "nickname", "n")))), 1001, "userID is legal");
    assertThat(accountStatus(id)).isZero();
  }

  @Test
  void duplicatesInTheBatchAreRejected() {
    String id = ApiClient.uniqueId("dup");
    assertError(client.post("/user/user_register", client.adminToken(), Map.of("users", List.of(
        Map.of("userID", id, "nickname", "one"),
        Map.of("userID", id, "nickname", "two")))), 1001, "userID repeated");
    assertThat(accountStatus(id)).isZero();
  }

  @Test
  void anyRegisteredIDFailsTheWholeBatchWith1102() {
    String existing = ApiClient.uniqueId("old");
    client.register(existing);
    String fresh = ApiClient.uniqueId("fresh");
    assertError(client.post("/user/user_register", client.adminToken(), Map.of("users", List.of(
        Map.of("userID", fresh, "nickname", "n"),
        Map.of("userID", existing, "nickname", "n")))), 1102, existing);
    assertThat(accountStatus(fresh)).isZero();
    assertError(client.post("/user/user_register", client.adminToken(),
        Map.of("users", List.of(Map.of("userID", ApiClient.ADMIN_ID, "nickname", "n")))), 1102, "");
  }

  private int accountStatus(String userID) {
    return data(client.post("/user/account_check", client.adminToken(), Map.of("checkUserIDs", List.of(userID))))
        .get("results").get(0).get("accountStatus").asInt();
  }
}
