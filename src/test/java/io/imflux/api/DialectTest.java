package io.imflux.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Platform.PlatformClass;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The numbers each dialect speaks at the edges (spec/dialects.md §1, §2; spec/common.md §5, §6.1). */
class DialectTest {

  private static final List<ErrorKind> TOKEN_ERRORS = List.of(ErrorKind.TOKEN_EXPIRED, ErrorKind.TOKEN_INVALID,
      ErrorKind.TOKEN_MALFORMED, ErrorKind.TOKEN_NOT_VALID_YET, ErrorKind.TOKEN_UNKNOWN, ErrorKind.TOKEN_KICKED,
      ErrorKind.TOKEN_NOT_EXIST);

  @Nested
  class ErrorCodes {

    @ParameterizedTest
    @CsvSource({
        "ARGS, 1001, 1001",
        "NO_PERMISSION, 1002, 1002",
        "USER_NOT_FOUND, 1003, 1004",
        "USER_ID_NOT_FOUND, 1003, 1101",
        "GROUP_NOT_FOUND, 1004, 1201",
        "GROUP_RECORD_NOT_FOUND, 1004, 1004",
        "RECORD_NOT_FOUND, 1004, 1004",
        "REGISTERED_ALREADY, 1102, 1102",
        "NOT_IN_GROUP, 1203, 1203",
        "BLOCKED_BY_PEER, 1302, 1302",
        "MUTED_IN_GROUP, 1402, 1402",
        "MUTED_GROUP, 1403, 1403",
        "MSG_ALREADY_REVOKED, 1404, 1404",
        "INTERNAL, 500, 500",
    })
    void codeDependsOnTheDialectOnlyWhereTheTablesDisagree(ErrorKind kind, int document, int openim) {
      assertThat(Dialect.DOCUMENT.errCode(kind)).isEqualTo(document);
      assertThat(Dialect.OPENIM.errCode(kind)).isEqualTo(openim);
    }

    @Test
    void tokenErrorsAreOneCodeInTheDocumentAndSevenInTheReference() {
      assertThat(TOKEN_ERRORS).extracting(Dialect.DOCUMENT::errCode).containsOnly(1005);
      assertThat(TOKEN_ERRORS).extracting(Dialect.OPENIM::errCode)
          .containsExactly(1501, 1502, 1503, 1504, 1505, 1506, 1507);
      assertThat(TOKEN_ERRORS).extracting(Dialect.DOCUMENT::errMsg).containsOnly("TokenInvalidError");
      assertThat(TOKEN_ERRORS).extracting(Dialect.OPENIM::errMsg).containsExactly("TokenExpiredError",
          "TokenInvalidError", "TokenMalformedError", "TokenNotValidYetError", "TokenUnknownError",
          "TokenKickedError", "TokenNotExistError");
    }

    @Test
    void errorNamesAreTheReferenceNamesOfTheCode() {
      assertThat(Dialect.DOCUMENT.errMsg(ErrorKind.USER_NOT_FOUND)).isEqualTo("UserIDNotFoundError");
      assertThat(Dialect.OPENIM.errMsg(ErrorKind.USER_NOT_FOUND)).isEqualTo("RecordNotFoundError");
      assertThat(Dialect.DOCUMENT.errMsg(ErrorKind.GROUP_NOT_FOUND)).isEqualTo("GroupIDNotFoundError");
      assertThat(Dialect.OPENIM.errMsg(ErrorKind.GROUP_NOT_FOUND)).isEqualTo("GroupIDNotFoundError");
      assertThat(Dialect.DOCUMENT.errMsg(ErrorKind.ARGS)).isEqualTo("ArgsError");
      assertThat(Dialect.OPENIM.errMsg(ErrorKind.INTERNAL)).isEqualTo("ServerInternalError");
    }

    @Test
    void documentNamesTheFoldedTokenErrorInTheDetail() {
      ImError expired = new ImError(ErrorKind.TOKEN_EXPIRED, "token is expired");
      ImError kicked = new ImError(ErrorKind.TOKEN_KICKED, "");

      assertThat(Dialect.DOCUMENT.errDlt(expired)).isEqualTo("TokenExpiredError: token is expired");
      assertThat(Dialect.DOCUMENT.errDlt(kicked)).isEqualTo("TokenKickedError");
      assertThat(Dialect.OPENIM.errDlt(expired)).isEqualTo("token is expired");
      assertThat(Dialect.OPENIM.errDlt(kicked)).isEmpty();
    }

    @Test
    void otherErrorsKeepTheirDetailAsIs() {
      ImError error = ImError.args("header must have token");

      assertThat(Dialect.DOCUMENT.errDlt(error)).isEqualTo("header must have token");
      assertThat(Dialect.OPENIM.errDlt(error)).isEqualTo("header must have token");
    }

    @Test
    void successMessageIsSuccessInTheDocumentAndEmptyInTheReference() {
      assertThat(Dialect.DOCUMENT.successMsg()).isEqualTo("success");
      assertThat(Dialect.OPENIM.successMsg()).isEmpty();
    }
  }

  @Nested
  class Platforms {

    @ParameterizedTest
    @CsvSource({
        "1, IOS", "2, ANDROID", "3, WINDOWS", "4, OSX", "5, WEB", "6, LINUX", "7, IPAD", "8, APAD",
        "11, HARMONY_OS", "999, ADMIN",
        // unique to the reference's table, so unambiguous
        "9, IPAD", "10, ADMIN",
    })
    void documentNumbers(int id, Platform platform) {
      assertThat(Dialect.DOCUMENT.platform(id)).contains(platform);
    }

    @ParameterizedTest
    @CsvSource({
        "1, IOS", "2, ANDROID", "3, WINDOWS", "4, OSX", "5, WEB", "6, MINI_WEB", "7, LINUX", "8, APAD", "9, IPAD",
        "10, ADMIN", "11, HARMONY_OS",
        // unique to the document's table
        "999, ADMIN",
    })
    void openimNumbers(int id, Platform platform) {
      assertThat(Dialect.OPENIM.platform(id)).contains(platform);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 12, 100, 998, 1000})
    void unknownNumbersAreNoPlatform(int id) {
      assertThat(Dialect.DOCUMENT.platform(id)).isEmpty();
      assertThat(Dialect.OPENIM.platform(id)).isEmpty();
    }

    @Test
    void eachDialectWritesItsOwnNumbers() {
      assertThat(Dialect.DOCUMENT.platformId(Platform.LINUX)).isEqualTo(6);
      assertThat(Dialect.DOCUMENT.platformId(Platform.IPAD)).isEqualTo(7);
      assertThat(Dialect.DOCUMENT.platformId(Platform.ADMIN)).isEqualTo(999);
      assertThat(Dialect.DOCUMENT.platformId(Platform.ANDROID)).isEqualTo(2);
      assertThat(Dialect.OPENIM.platformId(Platform.LINUX)).isEqualTo(7);
      assertThat(Dialect.OPENIM.platformId(Platform.IPAD)).isEqualTo(9);
      assertThat(Dialect.OPENIM.platformId(Platform.ADMIN)).isEqualTo(10);
      assertThat(Dialect.OPENIM.platformId(Platform.MINI_WEB)).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(value = Platform.class, names = "MINI_WEB", mode = EnumSource.Mode.EXCLUDE)
    void numbersReadBackAsTheSamePlatformInBothDialects(Platform platform) {
      assertThat(Dialect.DOCUMENT.platform(Dialect.DOCUMENT.platformId(platform))).contains(platform);
      assertThat(Dialect.OPENIM.platform(Dialect.OPENIM.platformId(platform))).contains(platform);
    }

    @Test
    void namesAreTheReferenceNames() {
      assertThat(Arrays.stream(Platform.values()).map(Platform::referenceName)).containsExactly("IOS", "Android",
          "Windows", "OSX", "Web", "MiniWeb", "Linux", "APad", "IPad", "Admin", "HarmonyOS");
      assertThat(Platform.byReferenceName("IPad")).contains(Platform.IPAD);
      assertThat(Platform.byReferenceName("ipad")).isEmpty();
    }

    @Test
    void terminalClassesAreTheReferences() {
      assertThat(Arrays.stream(Platform.values()).filter(p -> p.platformClass() == PlatformClass.PC))
          .containsExactlyInAnyOrder(Platform.WINDOWS, Platform.OSX, Platform.LINUX);
      assertThat(Arrays.stream(Platform.values()).filter(p -> p.platformClass() == PlatformClass.MOBILE))
          .containsExactlyInAnyOrder(Platform.IOS, Platform.ANDROID);
      assertThat(Arrays.stream(Platform.values()).filter(p -> p.platformClass() == PlatformClass.PAD))
          .containsExactlyInAnyOrder(Platform.IPAD, Platform.APAD);
      assertThat(Platform.WEB.platformClass()).isEqualTo(PlatformClass.WEB);
      assertThat(Platform.MINI_WEB.platformClass()).isEqualTo(PlatformClass.MINI_WEB);
      assertThat(Platform.ADMIN.platformClass()).isEqualTo(PlatformClass.ADMIN);
      assertThat(Platform.HARMONY_OS.platformClass()).isEqualTo(PlatformClass.HARMONY_OS);
    }
  }

  /** spec/dialects.md §3, §4: content types that differ, and session type 2. */
  @Nested
  class ContentAndSessionTypes {

    @ParameterizedTest
    @CsvSource({
        "1201, 1400",
        "1400, 2001",
        "112, 114",
        "114, 114",
        "2001, 2001",
        "101, 101",
        "106, 106",
        "1202, 1202",
        "2200, 2200",
        "0, 0",
    })
    void documentClientNumbersBecomeTheServersOwn(int fromClient, int inside) {
      assertThat(Dialect.DOCUMENT.contentTypeFromClient(fromClient)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({
        "112, 114",
        "114, 114",
        "1201, 1201",
        "1400, 1400",
        "2001, 2001",
        "101, 101",
    })
    void openimClientNumbersAreTheServersOwnButForTheDocumentsQuote(int fromClient, int inside) {
      assertThat(Dialect.OPENIM.contentTypeFromClient(fromClient)).isEqualTo(inside);
    }

    @ParameterizedTest
    @CsvSource({
        "1400, 4, 1201",
        "2001, 1, 1400",
        "2001, 3, 1400",
        "114, 1, 112",
        "114, 3, 112",
        "1201, 1, 1201",
        "101, 4, 101",
        "1501, 3, 1501",
    })
    void documentClientsSeeTheDocumentsNumbers(int inside, int sessionType, int shown) {
      assertThat(Dialect.DOCUMENT.contentTypeToClient(inside, sessionType)).isEqualTo(shown);
    }

    @ParameterizedTest
    @CsvSource({
        "1400, 4",
        "2001, 1",
        "114, 1",
        "1201, 1",
        "101, 3",
    })
    void openimClientsSeeTheServersNumbers(int inside, int sessionType) {
      assertThat(Dialect.OPENIM.contentTypeToClient(inside, sessionType)).isEqualTo(inside);
    }

    @Test
    void whatADocumentClientSendsComesBackAsItSentIt() {
      assertThat(Dialect.DOCUMENT.contentTypeToClient(Dialect.DOCUMENT.contentTypeFromClient(1201), 4))
          .isEqualTo(1201);
      assertThat(Dialect.DOCUMENT.contentTypeToClient(Dialect.DOCUMENT.contentTypeFromClient(1400), 1))
          .isEqualTo(1400);
      assertThat(Dialect.DOCUMENT.contentTypeToClient(Dialect.DOCUMENT.contentTypeFromClient(112), 1))
          .isEqualTo(112);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void sessionTypeTwoIsTheGroupChatInBothDialects(Dialect dialect) {
      assertThat(dialect.sessionTypeFromClient(2)).isEqualTo(3);
      assertThat(List.of(0, 1, 3, 4, 5)).allSatisfy(type ->
          assertThat(dialect.sessionTypeFromClient(type)).isEqualTo(type));
    }
  }
}
