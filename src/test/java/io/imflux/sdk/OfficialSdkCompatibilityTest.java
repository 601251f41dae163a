package io.imflux.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.gateway.GatewayServer;
import io.imflux.testing.ApiClient;
import io.imflux.testing.ImfluxTest;
import io.imflux.testing.OpenImDialect;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The official OpenIM SDK core (the native library of {@code @openim/electron-client-sdk@3.8.3-patch.15.1}, driven
 * from Node.js through koffi, src/test/sdk) against the real server, as apps use it: users created over HTTP, then
 * devices that log in, send and receive, make friends, block and read through the SDK's own calls and callbacks
 * (spec/gateway.md §18-19). The openim dialect, because the SDK knows only the reference's platform IDs and token error
 * codes.
 */
@ImfluxTest
@OpenImDialect
class OfficialSdkCompatibilityTest {

  private static final int WINDOWS = 3;
  private static final int LINUX = 7;
  /** spec/common.md: the receiver blacklisted the sender. */
  private static final int BLOCKED_BY_PEER = 1302;

  @LocalServerPort
  int port;

  @Autowired
  GatewayServer gateway;

  private ApiClient api;
  private SdkSession sdk;

  @BeforeEach
  void start(TestInfo test) {
    api = new ApiClient(port);
    sdk = new SdkSession(test.getTestMethod().orElseThrow().getName(), "http://127.0.0.1:" + port,
        "ws://127.0.0.1:" + gateway.port());
  }

  @AfterEach
  void stop() {
    sdk.close();
  }

  @Test
  void twoUsersExchangeTextBothWaysThroughTheCallbacks() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    SdkDevice aliceDevice = online("alice", alice, LINUX);
    SdkDevice bobDevice = online("bob", bob, LINUX);

    JsonNode sent = aliceDevice.sendText(bob, "hello bob");
    JsonNode received = bobDevice.awaitReceivedText("hello bob");
    // What an app shows: the new chat in the receiver's list, before the receiver has written anything.
    assertThat(SdkDevice.latestText(bobDevice.awaitConversationWith(alice))).isEqualTo("hello bob");
    JsonNode reply = bobDevice.sendText(alice, "hello alice");
    JsonNode answer = aliceDevice.awaitReceivedText("hello alice");

    assertThat(received.get("sendID").asString()).isEqualTo(alice);
    assertThat(received.get("recvID").asString()).isEqualTo(bob);
    assertThat(received.get("clientMsgID").asString()).isEqualTo(sent.get("clientMsgID").asString());
    assertThat(received.get("serverMsgID").asString()).isEqualTo(sent.get("serverMsgID").asString()).isNotEmpty();
    assertThat(answer.get("sendID").asString()).isEqualTo(bob);
    assertThat(answer.get("clientMsgID").asString()).isEqualTo(reply.get("clientMsgID").asString());
    assertThat(answer.get("seq").asLong()).isGreaterThan(received.get("seq").asLong());
    assertThat(texts(aliceDevice.history(conversationWith(aliceDevice, bob), 20)))
        .containsExactly("hello bob", "hello alice");
    assertThat(texts(bobDevice.history(conversationWith(bobDevice, alice), 20)))
        .containsExactly("hello bob", "hello alice");
  }

  @Test
  void aUserWhoLogsInAgainGetsWhatWasSentMeanwhileBySeq() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    SdkDevice aliceDevice = online("alice", alice, LINUX);
    Path bobData = sdk.dataDir("bob");
    online("bob", bob, LINUX).close();

    // Bob's installation is offline; it logs in again after three messages. The conversation is new to it, so the
    // SDK pulls only its latest message by seq (spec/gateway.md §18.2) and the rest when the history is opened.
    for (String text : List.of("one", "two", "three")) {
      aliceDevice.sendText(bob, text);
    }
    SdkDevice bobBack = online("bob-back", bob, LINUX, bobData);
    bobBack.awaitReceivedText("three");
    String conversation = conversationWith(bobBack, alice);
    assertThat(SdkDevice.latestText(bobBack.awaitConversationWith(alice))).isEqualTo("three");
    assertThat(texts(bobBack.history(conversation, 20))).containsExactly("one", "two", "three");
    bobBack.close();

    // Once more, now that the device has synced the conversation up to 3: the SDK asks for 4..5 (again only the
    // newest message of the range); nothing it already has is reported again, and the history fills in seq 4.
    aliceDevice.sendText(bob, "four");
    aliceDevice.sendText(bob, "five");
    SdkDevice bobAgain = online("bob-again", bob, LINUX, bobData);
    bobAgain.awaitReceivedText("five");
    assertThat(texts(bobAgain.receivedMessages())).doesNotContain("one", "two", "three");
    List<JsonNode> history = bobAgain.history(conversation, 20);
    assertThat(texts(history)).containsExactly("one", "two", "three", "four", "five");
    assertThat(history).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void aSecondDeviceOfTheSameUserSeesBothSides() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    SdkDevice aliceLinux = online("alice-linux", alice, LINUX);
    SdkDevice aliceWindows = online("alice-windows", alice, WINDOWS);
    SdkDevice bobDevice = online("bob", bob, LINUX);

    JsonNode sent = aliceLinux.sendText(bob, "from alice's linux");
    bobDevice.awaitReceivedText("from alice's linux");
    bobDevice.sendText(alice, "to both of alice's devices");

    JsonNode ownCopy = aliceWindows.awaitReceivedText("from alice's linux");
    aliceWindows.awaitReceivedText("to both of alice's devices");
    aliceLinux.awaitReceivedText("to both of alice's devices");
    assertThat(ownCopy.get("sendID").asString()).isEqualTo(alice);
    assertThat(ownCopy.get("clientMsgID").asString()).isEqualTo(sent.get("clientMsgID").asString());
    assertThat(texts(aliceWindows.history(conversationWith(aliceWindows, bob), 20)))
        .containsExactly("from alice's linux", "to both of alice's devices");
  }

  @Test
  void aFriendRequestAcceptedThroughTheSdkMakesBothSidesFriends() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    String carol = ApiClient.uniqueId("carol");
    api.register(alice, bob, carol);
    Path aliceData = sdk.dataDir("alice");
    SdkDevice aliceDevice = online("alice", alice, LINUX, aliceData);
    SdkDevice bobDevice = online("bob", bob, LINUX);

    // The request reaches Bob as the 1203 notification, which the SDK turns into OnFriendApplicationAdded.
    aliceDevice.addFriend(bob, "hi, it's alice");
    JsonNode application = bobDevice.awaitEvent("OnFriendApplicationAdded");
    assertThat(application.get("fromUserID").asString()).isEqualTo(alice);
    assertThat(application.get("fromNickname").asString()).isEqualTo(alice);
    assertThat(application.get("toUserID").asString()).isEqualTo(bob);
    assertThat(application.get("reqMsg").asString()).isEqualTo("hi, it's alice");
    assertThat(application.get("handleResult").asInt()).isZero();

    // Bob's SDK syncs its friends incrementally after accepting; Alice's on the 1201 notification.
    bobDevice.acceptFriendApplication(alice, "welcome");
    JsonNode accepted = aliceDevice.awaitEvent("OnFriendApplicationAccepted");
    assertThat(accepted.get("fromUserID").asString()).isEqualTo(alice);
    assertThat(accepted.get("handleResult").asInt()).isEqualTo(1);
    assertThat(accepted.get("handleMsg").asString()).isEqualTo("welcome");
    // The SDK's LocalFriend and LocalBlack name the other user "userID".
    assertThat(bobDevice.awaitEvent("OnFriendAdded").path("userID").asString()).isEqualTo(alice);
    assertThat(aliceDevice.awaitEvent("OnFriendAdded").path("userID").asString()).isEqualTo(bob);
    assertFriends(aliceDevice, alice, bob);
    assertFriends(bobDevice, bob, alice);

    // A new installation gets the friend list by the full sync at its first login...
    assertFriends(online("alice-windows", alice, WINDOWS), alice, bob);

    // ...and one that comes back gets what changed meanwhile by the incremental sync from the version it holds.
    aliceDevice.close();
    api.ok("/friend/import_friend", api.adminToken(), Map.of("ownerUserID", alice, "friendUserIDs", List.of(carol)));
    SdkDevice aliceBack = online("alice-back", alice, LINUX, aliceData);
    assertThat(aliceBack.awaitEvent("OnFriendAdded").path("userID").asString()).isEqualTo(carol);
    assertFriends(aliceBack, alice, bob, carol);
  }

  @Test
  void aMessageToAUserWhoBlockedTheSenderIsRefusedWithBlockedByPeer() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    SdkDevice aliceDevice = online("alice", alice, LINUX);
    SdkDevice bobDevice = online("bob", bob, LINUX);

    aliceDevice.addBlack(bob);
    assertThat(aliceDevice.awaitEvent("OnBlackAdded").path("userID").asString()).isEqualTo(bob);

    JsonNode refused = bobDevice.sendTextRefused(alice, "can you hear me?");
    assertThat(refused.get("errCode").asInt()).isEqualTo(BLOCKED_BY_PEER);
    // Only the receiver's blacklist counts (api-msg.md §11.4): Alice still reaches Bob, and the refused message
    // never got a seq in their conversation.
    aliceDevice.sendText(bob, "you are blocked");
    bobDevice.awaitReceivedText("you are blocked");
    assertThat(texts(aliceDevice.history(conversationWith(aliceDevice, bob), 20))).containsExactly("you are blocked");
  }

  @Test
  void unreadCountsFollowReadsOnEveryDeviceOfTheReader() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    SdkDevice aliceDevice = online("alice", alice, LINUX);
    SdkDevice bobLinux = online("bob-linux", bob, LINUX);
    Path bobWindowsData = sdk.dataDir("bob-windows");
    SdkDevice bobWindows = online("bob-windows", bob, WINDOWS, bobWindowsData);

    JsonNode one = aliceDevice.sendText(bob, "one");
    String conversation = bobLinux.awaitConversationWith(alice, 1, "one").get("conversationID").asString();
    bobWindows.awaitConversationWith(alice, 1, "one");

    // The reading device clears its count itself; the other learns it from the HasReadReceipt (2200) to Bob, and
    // the sender gets the receipt for its message from the one to Alice.
    bobLinux.markConversationRead(conversation);
    bobLinux.awaitConversationWith(alice, 0, "one");
    bobWindows.awaitConversationWith(alice, 0, "one");
    JsonNode receipt = aliceDevice.awaitEvent("OnRecvC2CReadReceipt").get(0);
    assertThat(receipt.get("userID").asString()).isEqualTo(bob);
    assertThat(receipt.get("msgIDList").values()).extracting(JsonNode::asString)
        .containsExactly(one.get("clientMsgID").asString());
    // The sender's own messages never count as unread.
    aliceDevice.awaitConversationWith(bob, 0, "one");

    // Windows is offline while a message comes and Linux reads it; at its next login the installation pulls the
    // message and the read seqs, and shows the conversation read.
    bobWindows.close();
    aliceDevice.sendText(bob, "two");
    bobLinux.awaitConversationWith(alice, 1, "two");
    bobLinux.markConversationRead(conversation);
    bobLinux.awaitConversationWith(alice, 0, "two");
    SdkDevice bobWindowsAgain = online("bob-windows-again", bob, WINDOWS, bobWindowsData);
    bobWindowsAgain.awaitReceivedText("two");
    bobWindowsAgain.awaitConversationWith(alice, 0, "two");
  }

  @Test
  void aNewInstallationShowsTheUnreadCountAndLatestMessageOfAnAccountWithHistory() {
    String alice = ApiClient.uniqueId("alice");
    String bob = ApiClient.uniqueId("bob");
    api.register(alice, bob);
    SdkDevice aliceDevice = online("alice", alice, LINUX);
    aliceDevice.sendText(bob, "one");
    aliceDevice.sendText(bob, "two");

    // Bob's first installation, before he has read anything.
    SdkDevice bobLinux = online("bob-linux", bob, LINUX);
    String conversation = bobLinux.awaitConversationWith(alice, 2, "two").get("conversationID").asString();
    bobLinux.markConversationRead(conversation);
    bobLinux.awaitConversationWith(alice, 0, "two");
    bobLinux.close();
    for (String text : List.of("three", "four", "five")) {
      aliceDevice.sendText(bob, text);
    }

    // Another one once he has read some: the SDK takes the conversation records over HTTP, the read and max seqs
    // (1006) and the newest message by seq; the unread count is what lies above Bob's read seq.
    SdkDevice bobNew = online("bob-new", bob, WINDOWS);
    JsonNode shown = bobNew.awaitConversationWith(alice, 3, "five");
    assertThat(shown.get("conversationID").asString()).isEqualTo(conversation);
    assertThat(texts(bobNew.history(conversation, 20))).containsExactly("one", "two", "three", "four", "five");
  }

  @Test
  void aTokenKickedByANewLoginOnTheSamePlatformIsReportedAsKicked() {
    String alice = ApiClient.uniqueId("alice");
    api.register(alice);
    String firstToken = api.userToken(alice, LINUX);
    SdkDevice first = online(sdk.device("alice-first", LINUX), alice, firstToken);

    // Policy 1: a new token for the same platform kicks the old one; the new connection kicks the old socket (2002).
    SdkDevice second = online("alice-second", alice, LINUX);

    first.awaitEvent("OnKickedOffline");
    assertThat(first.sdkLog()).contains("socket receive client kicked offline");
    assertThat(second.reported("OnKickedOffline")).isFalse();

    // The kicked token is refused at the next handshake with 1506, which the SDK reports the same way.
    SdkDevice stale = sdk.device("alice-stale", LINUX);
    stale.login(alice, firstToken);
    stale.awaitEvent("OnKickedOffline");
    assertThat(stale.reported("OnConnectSuccess")).isFalse();
  }

  /** A new installation logged in with a fresh token, connected, and done with its first sync. */
  private SdkDevice online(String name, String userID, int platformID) {
    return online(name, userID, platformID, sdk.dataDir(name));
  }

  /** The same, for an installation whose data directory may hold an earlier session. */
  private SdkDevice online(String name, String userID, int platformID, Path dataDir) {
    return online(sdk.device(name, platformID, dataDir), userID, api.userToken(userID, platformID));
  }

  private static SdkDevice online(SdkDevice device, String userID, String token) {
    device.login(userID, token);
    device.awaitEvent("OnConnectSuccess");
    device.awaitFirstSync();
    return device;
  }

  private static void assertFriends(SdkDevice device, String owner, String... friends) {
    List<JsonNode> list = device.friends();
    assertThat(list).extracting(f -> f.path("ownerUserID").asString()).containsOnly(owner);
    assertThat(list).extracting(f -> f.path("userID").asString()).containsExactly(friends);
  }

  private static String conversationWith(SdkDevice device, String peer) {
    return device.awaitConversationWith(peer).get("conversationID").asString();
  }

  private static List<String> texts(List<JsonNode> messages) {
    return messages.stream().map(SdkDevice::textOf).toList();
  }
}
