package io.imflux.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.imflux.api.ApiRequest;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Operator;
import io.imflux.api.Platform;
import io.imflux.api.json.Decoded;
import io.imflux.proto.sdkws.RequestPagination;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.proto.user.AccountCheckReq;
import io.imflux.proto.user.GetAllUserIDReq;
import io.imflux.proto.user.GetPaginationUsersReq;
import io.imflux.proto.user.UserRegisterReq;
import io.imflux.testing.EmbeddedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.test.StepVerifier;

/** The rules of {@link UserService} over the real store: arguments first, then permission, then what is stored. */
class UserServiceTest {

  @RegisterExtension
  static final EmbeddedStore STORE = new EmbeddedStore();

  static final Operator ADMIN = new Operator("imAdmin", Platform.ADMIN, true);
  static final Operator MEMBER = new Operator("member", Platform.ANDROID, false);
  static final long NOW = 1_719_900_000_000L;
  static final Duration TIMEOUT = Duration.ofSeconds(10);

  final UserStore store = new UserStore(STORE.database());
  final UserService service = new UserService(store, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));

  static <T extends Message> ApiRequest<T> request(T body, Operator operator, String... present) {
    return new ApiRequest<>(new Decoded<>(body, Set.of(present)), operator);
  }

  static UserInfo user(String userID, String nickname) {
    return UserInfo.newBuilder().setUserID(userID).setNickname(nickname).build();
  }

  static boolean is(Throwable error, ErrorKind kind, String detailPart) {
    return error instanceof ImError imError && imError.kind() == kind && imError.detail().contains(detailPart);
  }

  static User stored(String userID, int appMangerLevel) {
    return new User(userID, "n", "", "", 1L, appMangerLevel, 0);
  }

  @Test
  void registerChecksArgumentsBeforeThePermissionAndTouchesNothing() {
    var illegal = UserRegisterReq.newBuilder().addUsers(user("a-b", "n")).build();
    StepVerifier.create(service.register(request(illegal, MEMBER, "users")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "userID is legal"))
        .verify();
    var valid = UserRegisterReq.newBuilder().addUsers(user("a", "n")).build();
    StepVerifier.create(service.register(request(valid, MEMBER, "users")))
        .expectErrorMatches(e -> is(e, ErrorKind.NO_PERMISSION, "member"))
        .verify();
    StepVerifier.create(service.register(request(UserRegisterReq.getDefaultInstance(), ADMIN)))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "users are empty"))
        .verify();
    StepVerifier.create(store.existingIDs(List.of("a-b", "a"))).verifyComplete();
  }

  @Test
  void registerRefusesTheWholeBatchWhenAnyIDExists() {
    store.insertAll(List.of(stored("b", 0))).block(TIMEOUT);
    var batch = UserRegisterReq.newBuilder().addUsers(user("a", "n")).addUsers(user("b", "n")).build();
    StepVerifier.create(service.register(request(batch, ADMIN, "users")))
        .expectErrorMatches(e -> is(e, ErrorKind.REGISTERED_ALREADY, "b"))
        .verify();
    StepVerifier.create(store.existingIDs(List.of("a"))).verifyComplete();
  }

  @Test
  void registerStampsTheServersTimeAndKeepsTheGivenLevels() {
    var batch = UserRegisterReq.newBuilder()
        .addUsers(user("用户_1", "n").toBuilder().setCreateTime(5).setAppMangerLevel(3).setGlobalRecvMsgOpt(7))
        .build();
    StepVerifier.create(service.register(request(batch, ADMIN, "users"))).verifyComplete();
    StepVerifier.create(store.find("用户_1"))
        .expectNext(new User("用户_1", "n", "", "", NOW, 3, 7))
        .verifyComplete();
  }

  @Test
  void registerRejectsDuplicatesInTheBatchAfterThePermission() {
    var batch = UserRegisterReq.newBuilder().addUsers(user("a", "n")).addUsers(user("a", "m")).build();
    StepVerifier.create(service.register(request(batch, MEMBER, "users")))
        .expectErrorMatches(e -> is(e, ErrorKind.NO_PERMISSION, ""))
        .verify();
    StepVerifier.create(service.register(request(batch, ADMIN, "users")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "userID repeated"))
        .verify();
    StepVerifier.create(store.existingIDs(List.of("a"))).verifyComplete();
  }

  @Test
  void accountCheckRejectsDuplicatesEvenForNonAdmins() {
    var body = AccountCheckReq.newBuilder().addCheckUserIDs("a").addCheckUserIDs("a").build();
    StepVerifier.create(service.accountCheck(request(body, MEMBER, "checkUserIDs")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "userID repeated"))
        .verify();
  }

  /** The store would fail such a pattern with its own error, not with this 1001. */
  @Test
  void searchRejectsAnInvalidPatternBeforeAskingTheStore() {
    var body = GetPaginationUsersReq.newBuilder()
        .setPagination(RequestPagination.newBuilder().setPageNumber(1).setShowNumber(10))
        .setNickName("a{2,1}")
        .build();
    StepVerifier.create(service.searchUsers(request(body, MEMBER, "pagination", "nickName")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "nickName"))
        .verify();
  }

  @Test
  void searchLooksAtOrdinaryUsersOnly() {
    // Accounts of levels 2-4 stored first: were they counted, page 3 would start five users earlier.
    List<User> users = new ArrayList<>();
    IntStream.rangeClosed(2, 4).forEach(level -> users.add(stored("look_level" + level, level)));
    IntStream.range(0, 25).forEach(i -> users.add(stored("look_%02d".formatted(i), i % 2)));
    store.insertAll(users).block(TIMEOUT);
    var body = GetPaginationUsersReq.newBuilder()
        .setPagination(RequestPagination.newBuilder().setPageNumber(3).setShowNumber(10))
        .setUserID("^look_")
        .build();
    StepVerifier.create(service.searchUsers(request(body, MEMBER, "pagination", "userID")))
        .assertNext(response -> {
          assertThat(response.getTotal()).isEqualTo(25);
          assertThat(response.getUsersList()).extracting(UserInfo::getUserID)
              .containsExactly("look_20", "look_21", "look_22", "look_23", "look_24");
        })
        .verifyComplete();
  }

  @Test
  void anEmptyPageAsksOnlyForTheTotal() {
    store.insertAll(List.of(stored("total_1", 0), stored("total_2", 0))).block(TIMEOUT);
    long total = store.countAll().block(TIMEOUT);
    var body = GetAllUserIDReq.newBuilder()
        .setPagination(RequestPagination.newBuilder().setPageNumber(1).setShowNumber(0))
        .build();
    StepVerifier.create(service.allUserIDs(request(body, MEMBER, "pagination")))
        .assertNext(response -> {
          assertThat(response.getTotal()).isEqualTo(total);
          assertThat(response.getUserIDsList()).isEmpty();
        })
        .verifyComplete();
  }

  @Test
  void aTotalBeyondAnIntIsReportedAsTheLargestInt() {
    assertThat(UserService.clampToInt(3_000_000_000L)).isEqualTo(Integer.MAX_VALUE);
    assertThat(UserService.clampToInt(3L)).isEqualTo(3);
  }
}
