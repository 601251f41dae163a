package io.imflux.friend;

import static io.imflux.friend.FriendCalls.ADD_BLACK;
import static io.imflux.friend.FriendCalls.DELETE;
import static io.imflux.friend.FriendCalls.REMOVE_BLACK;
import static io.imflux.testing.Envelopes.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * With {@code imflux.msg.friend-verify} on, a single-chat message needs the sender in the receiver's friend list
 * (1303), and the blacklist still comes first (1302) (spec/api-msg.md §11.4), over the friends the routes write.
 */
@ImfluxTest
@TestPropertySource(properties = "imflux.msg.friend-verify=true")
class FriendVerifySendTest {

  @LocalServerPort
  int port;

  FriendCalls calls;

  @BeforeEach
  void client() {
    calls = new FriendCalls(new ApiClient(port));
  }

  @Test
  void onlyFriendsMayWriteAndTheBlacklistComesFirst() {
    List<String> users = calls.users("fv", 3);
    String a = users.get(0);
    String b = users.get(1);
    assertError(calls.sendText(a, b), 1303, "");

    calls.befriend(a, b);
    assertThat(calls.sendText(a, b).errCode()).isZero();
    assertThat(calls.sendText(b, a).errCode()).isZero();
    assertError(calls.sendText(users.get(2), a), 1303, "");

    calls.ok(ADD_BLACK, b, Map.of("ownerUserID", b, "blackUserID", a));
    assertError(calls.sendText(a, b), 1302, "");
    calls.ok(REMOVE_BLACK, b, Map.of("ownerUserID", b, "blackUserID", a));
    assertThat(calls.sendText(a, b).errCode()).isZero();

    // Deleting is one-sided: b is no longer in a's list, a is still in b's.
    calls.ok(DELETE, a, Map.of("ownerUserID", a, "friendUserID", b));
    assertError(calls.sendText(b, a), 1303, "");
    assertThat(calls.sendText(a, b).errCode()).isZero();
  }
}
