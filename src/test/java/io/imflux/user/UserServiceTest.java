package io.imflux.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

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
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** The rules of {@link UserService}: arguments first, then permission, then what is stored. */
class UserServiceTest {

  static final Operator ADMIN = new Operator("imAdmin", Platform.ADMIN, true);
  static final Operator MEMBER = new Operator("member", Platform.ANDROID, false);
  static final long NOW = 1_719_900_000_000L;

  final UserStore store = mock(UserStore.class);
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
    verifyNoInteractions(store);
  }

  @Test
  void registerRefusesTheWholeBatchWhenAnyIDExists() {
    when(store.existingIDs(anyCollection())).thenReturn(Flux.just("b"));
    var batch = UserRegisterReq.newBuilder().addUsers(user("a", "n")).addUsers(user("b", "n")).build();
    StepVerifier.create(service.register(request(batch, ADMIN, "users")))
        .expectErrorMatches(e -> is(e, ErrorKind.REGISTERED_ALREADY, "b"))
        .verify();
    verify(store, never()).insertAll(any());
  }

  @Test
  @SuppressWarnings("unchecked")
  void registerStampsTheServersTimeAndKeepsTheGivenLevels() {
    when(store.existingIDs(anyCollection())).thenReturn(Flux.empty());
    when(store.insertAll(any())).thenReturn(Mono.empty());
    var batch = UserRegisterReq.newBuilder()
        .addUsers(user("用户_1", "n").toBuilder().setCreateTime(5).setAppMangerLevel(3).setGlobalRecvMsgOpt(7))
        .build();
    StepVerifier.create(service.register(request(batch, ADMIN, "users"))).verifyComplete();
    ArgumentCaptor<List<User>> inserted = ArgumentCaptor.forClass(List.class);
    verify(store).insertAll(inserted.capture());
    assertThat(inserted.getValue()).containsExactly(new User("用户_1", "n", "", "", NOW, 3, 7));
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
    verifyNoInteractions(store);
  }

  @Test
  void accountCheckRejectsDuplicatesEvenForNonAdmins() {
    var body = AccountCheckReq.newBuilder().addCheckUserIDs("a").addCheckUserIDs("a").build();
    StepVerifier.create(service.accountCheck(request(body, MEMBER, "checkUserIDs")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "userID repeated"))
        .verify();
    verifyNoInteractions(store);
  }

  @Test
  void searchRejectsAnInvalidPatternBeforeAskingTheStore() {
    var body = GetPaginationUsersReq.newBuilder()
        .setPagination(RequestPagination.newBuilder().setPageNumber(1).setShowNumber(10))
        .setNickName("a{2,1}")
        .build();
    StepVerifier.create(service.searchUsers(request(body, MEMBER, "pagination", "nickName")))
        .expectErrorMatches(e -> is(e, ErrorKind.ARGS, "nickName"))
        .verify();
    verifyNoInteractions(store);
  }

  @Test
  void searchLooksAtOrdinaryUsersOnly() {
    when(store.countMatching(any())).thenReturn(Mono.just(0L));
    when(store.pageMatching(any(), anyInt(), anyInt())).thenReturn(Flux.empty());
    var body = GetPaginationUsersReq.newBuilder()
        .setPagination(RequestPagination.newBuilder().setPageNumber(3).setShowNumber(10))
        .setUserID("^a")
        .build();
    StepVerifier.create(service.searchUsers(request(body, MEMBER, "pagination", "userID")))
        .assertNext(response -> assertThat(response.getTotal()).isZero())
        .verifyComplete();
    verify(store).pageMatching(new UserSearch(List.of(0, 1), "^a", ""), 20, 10);
  }

  @Test
  void anEmptyPageAsksOnlyForTheTotal() {
    when(store.countAll()).thenReturn(Mono.just(3_000_000_000L));
    var body = GetAllUserIDReq.newBuilder()
        .setPagination(RequestPagination.newBuilder().setPageNumber(1).setShowNumber(0))
        .build();
    StepVerifier.create(service.allUserIDs(request(body, MEMBER, "pagination")))
        .assertNext(response -> {
          assertThat(response.getTotal()).isEqualTo(Integer.MAX_VALUE);
          assertThat(response.getUserIDsList()).isEmpty();
        })
        .verifyComplete();
    verify(store, never()).pageIDs(anyInt(), anyInt());
  }

  @Nested
  class PagingRules {

    @Test
    void skipsWholePages() {
      assertThat(Paging.of(page(3, 20))).isEqualTo(new Paging(40, 20));
    }

    @Test
    void nonPositiveNumbersGiveAnEmptyPage() {
      assertThat(Paging.of(page(0, 20)).isEmpty()).isTrue();
      assertThat(Paging.of(page(1, 0)).isEmpty()).isTrue();
      assertThat(Paging.of(page(1, -5)).isEmpty()).isTrue();
    }

    @Test
    void aSkipBeyondAnIntIsAnEmptyPage() {
      assertThat(Paging.of(page(Integer.MAX_VALUE, Integer.MAX_VALUE)).isEmpty()).isTrue();
    }

    private RequestPagination page(int number, int size) {
      return RequestPagination.newBuilder().setPageNumber(number).setShowNumber(size).build();
    }
  }
}
