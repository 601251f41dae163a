package io.imflux.user;

import static io.imflux.user.UserServiceTest.ADMIN;
import static io.imflux.user.UserServiceTest.MEMBER;
import static io.imflux.user.UserServiceTest.TIMEOUT;
import static io.imflux.user.UserServiceTest.is;
import static io.imflux.user.UserServiceTest.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.ErrorKind;
import io.imflux.notification.Notification;
import io.imflux.notification.NotificationBus;
import io.imflux.notification.NotificationSender;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.proto.sdkws.UserInfoWithEx;
import io.imflux.proto.user.SetGlobalRecvMessageOptReq;
import io.imflux.proto.user.UpdateUserInfoExReq;
import io.imflux.proto.user.UpdateUserInfoReq;
import io.imflux.proto.wrappers.StringValue;
import io.imflux.testing.EmbeddedStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * What {@link UserProfileService} does after a save to the real store: 1303 on the real bus, then every listener,
 * neither able to fail the request.
 */
class UserProfileServiceTest {

  @RegisterExtension
  static final EmbeddedStore STORE = new EmbeddedStore();

  final UserStore store = new UserStore(STORE.database());
  final NotificationBus bus = new NotificationBus();
  final List<Notification> sent = new CopyOnWriteArrayList<>();
  final List<String> heard = new CopyOnWriteArrayList<>();
  NotificationSender sender = bus;

  final UserProfileListener recorder = (op, userID, changed) ->
      Mono.fromRunnable(() -> heard.add(op + ">" + userID + ":" + changed));

  @BeforeEach
  void recordTheBus() {
    bus.events().subscribe(sent::add);
  }

  UserProfileService service(UserProfileListener... listeners) {
    return new UserProfileService(store, sender, List.of(listeners));
  }

  /** {@code user} as the store holds it when the test starts, whatever an earlier test left. */
  void stored(User user) {
    missing(user.userID());
    store.insertAll(List.of(user)).block(TIMEOUT);
  }

  void missing(String userID) {
    store.delete(List.of(userID)).block(TIMEOUT);
  }

  static User member(String nickname, String faceURL) {
    return new User("member", nickname, faceURL, "", 1L, 0, 0);
  }

  static UpdateUserInfoReq update(String nickname, String faceURL) {
    return UpdateUserInfoReq.newBuilder()
        .setUserInfo(UserInfo.newBuilder().setUserID("member").setNickname(nickname).setFaceURL(faceURL))
        .build();
  }

  @Test
  void listenersLearnWhetherTheNameOrFaceReallyChanged() {
    stored(member("old", "f"));
    StepVerifier.create(service(recorder).updateInfo(request(update("new", ""), MEMBER, "userInfo")))
        .verifyComplete();
    StepVerifier.create(service(recorder).updateInfo(request(update("new", "f"), MEMBER, "userInfo")))
        .verifyComplete();
    StepVerifier.create(service(recorder).setGlobalRecvMsgOpt(request(
            SetGlobalRecvMessageOptReq.newBuilder().setUserID("member").setGlobalRecvMsgOpt(1).build(), ADMIN)))
        .verifyComplete();
    assertThat(heard).containsExactly("member>member:true", "member>member:false", "imAdmin>member:false");
    assertThat(sent).extracting(Notification::contentType).containsOnly(1303);
    assertThat(sent).extracting(Notification::sendID).containsExactly("member", "member", "imAdmin");
  }

  @Test
  void anEmptyStringClearsAFieldThroughTheExRoute() {
    stored(member("old", "f"));
    var body = UpdateUserInfoExReq.newBuilder()
        .setUserInfo(UserInfoWithEx.newBuilder().setUserID("member").setFaceURL(StringValue.newBuilder().setValue("")))
        .build();
    StepVerifier.create(service(recorder).updateInfoEx(request(body, MEMBER, "userInfo"))).verifyComplete();
    assertThat(heard).containsExactly("member>member:true");
    StepVerifier.create(store.find("member")).expectNext(member("old", "")).verifyComplete();
  }

  @Test
  void aFailedNotificationDoesNotFailTheRequestNorStopTheListeners() {
    stored(member("old", "f"));
    // The bus never fails its sender; this stands for a sender that can (a broker that is down).
    sender = notification -> Mono.error(new IllegalStateException("bus down"));
    StepVerifier.create(service(recorder).updateInfo(request(update("new", ""), MEMBER, "userInfo")))
        .verifyComplete();
    assertThat(heard).containsExactly("member>member:true");
  }

  @Test
  void aFailingListenerIsRetriedThenLoggedAndTheOthersStillRun() {
    stored(member("old", "f"));
    AtomicInteger attempts = new AtomicInteger();
    UserProfileListener failing = (op, userID, changed) ->
        Mono.fromRunnable(attempts::incrementAndGet).then(Mono.error(new IllegalStateException("down")));
    // Real time: the store answers on its own threads, which virtual time cannot wait for (about a second of backoff).
    StepVerifier.create(service(failing, recorder).updateInfo(request(update("new", ""), MEMBER, "userInfo")))
        .verifyComplete();
    assertThat(attempts).hasValue(1 + UserProfileService.LISTENER_RETRIES);
    assertThat(heard).containsExactly("member>member:true");
  }

  @Test
  void aMissingUserIsNotFoundAndNobodyIsTold() {
    missing("member");
    StepVerifier.create(service(recorder).updateInfo(request(update("new", ""), ADMIN, "userInfo")))
        .expectErrorMatches(e -> is(e, ErrorKind.USER_NOT_FOUND, "member"))
        .verify();
    assertThat(sent).isEmpty();
    assertThat(heard).isEmpty();
  }

  @Test
  void argumentsComeBeforeThePermissionAndTheStore() {
    User other = new User("other", "o", "", "", 1L, 0, 0);
    stored(other);
    var noUser = UpdateUserInfoExReq.newBuilder().setUserInfo(UserInfoWithEx.getDefaultInstance()).build();
    StepVerifier.create(service().updateInfoEx(request(noUser, MEMBER, "userInfo")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "userID is empty"))
        .verify();
    var badOption = SetGlobalRecvMessageOptReq.newBuilder().setUserID("other").setGlobalRecvMsgOpt(3).build();
    StepVerifier.create(service().setGlobalRecvMsgOpt(request(badOption, MEMBER)))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "GlobalRecvMsgOpt is invalid"))
        .verify();
    var otherUser = SetGlobalRecvMessageOptReq.newBuilder().setUserID("other").setGlobalRecvMsgOpt(1).build();
    StepVerifier.create(service().setGlobalRecvMsgOpt(request(otherUser, MEMBER)))
        .expectErrorMatches(e -> is(e, ErrorKind.NO_PERMISSION, "other"))
        .verify();
    StepVerifier.create(store.find("other")).expectNext(other).verifyComplete();
    assertThat(sent).isEmpty();
  }
}
