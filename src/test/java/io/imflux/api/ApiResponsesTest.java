package io.imflux.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.proto.auth.GetAdminTokenResp;
import io.imflux.proto.msggateway.UserOnlineStatusResult;
import io.imflux.proto.user.GetAllUserIDResp;
import io.imflux.proto.user.GetUserClientConfigResp;
import io.imflux.proto.user.UserRegisterResp;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.test.StepVerifier;

/** The envelope's exact bytes in both dialects (spec/common.md §2, spec/dialects.md §1). */
class ApiResponsesTest {

  private final ApiResponses document = new ApiResponses(Dialect.DOCUMENT);
  private final ApiResponses openim = new ApiResponses(Dialect.OPENIM);

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void successWithoutDataOmitsData() {
    assertThat(text(document.success(null))).isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\"}");
    assertThat(text(openim.success(null))).isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
  }

  @Test
  void successWithAnEmptyMessageOmitsData() {
    assertThat(text(openim.success(UserRegisterResp.getDefaultInstance())))
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\"}");
  }

  @Test
  void successWithDataWritesItWithGoRules() {
    GetAdminTokenResp token = GetAdminTokenResp.newBuilder().setToken("eyJ.a.b").setExpireTimeSeconds(7776000).build();

    assertThat(text(openim.success(token))).isEqualTo(
        "{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\","
            + "\"data\":{\"token\":\"eyJ.a.b\",\"expireTimeSeconds\":7776000}}");
    assertThat(text(document.success(token))).isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\","
        + "\"data\":{\"token\":\"eyJ.a.b\",\"expireTimeSeconds\":7776000}}");
  }

  @Test
  void dataWhoseFieldsAreAllZeroIsStillWritten() {
    assertThat(text(openim.success(GetAllUserIDResp.getDefaultInstance())))
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{\"total\":0,\"userIDs\":[]}}");
    // A message with fields whose only field is an empty map: the map goes, the object stays.
    assertThat(text(openim.success(GetUserClientConfigResp.getDefaultInstance())))
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":{}}");
  }

  @Test
  void listDataIsAnArrayEvenWhenEmpty() {
    assertThat(text(openim.successList(List.of())))
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"\",\"errDlt\":\"\",\"data\":[]}");
    assertThat(text(document.successList(List.of(UserOnlineStatusResult.newBuilder().setUserID("u").build()))))
        .isEqualTo("{\"errCode\":0,\"errMsg\":\"success\",\"errDlt\":\"\","
            + "\"data\":[{\"userID\":\"u\",\"status\":0,\"detailPlatformStatus\":[]}]}");
  }

  @Test
  void argumentErrorIsTheSameInBothDialects() {
    String expected = "{\"errCode\":1001,\"errMsg\":\"ArgsError\",\"errDlt\":\"header must have token\"}";

    assertThat(text(document.error(ImError.args("header must have token")))).isEqualTo(expected);
    assertThat(text(openim.error(ImError.args("header must have token")))).isEqualTo(expected);
  }

  @Test
  void userNotFoundIsTheDialectsCode() {
    ImError error = new ImError(ErrorKind.USER_NOT_FOUND, "user not found");

    assertThat(text(document.error(error)))
        .isEqualTo("{\"errCode\":1003,\"errMsg\":\"UserIDNotFoundError\",\"errDlt\":\"user not found\"}");
    assertThat(text(openim.error(error)))
        .isEqualTo("{\"errCode\":1004,\"errMsg\":\"RecordNotFoundError\",\"errDlt\":\"user not found\"}");
  }

  @Test
  void tokenErrorIsFoldedInTheDocumentAndPreciseInTheReference() {
    ImError error = new ImError(ErrorKind.TOKEN_KICKED, "token kicked");

    assertThat(text(document.error(error)))
        .isEqualTo("{\"errCode\":1005,\"errMsg\":\"TokenInvalidError\",\"errDlt\":\"TokenKickedError: token kicked\"}");
    assertThat(text(openim.error(error)))
        .isEqualTo("{\"errCode\":1506,\"errMsg\":\"TokenKickedError\",\"errDlt\":\"token kicked\"}");
  }

  @Test
  void detailIsEscapedAsGoDoes() {
    ImError error = new ImError(ErrorKind.INTERNAL, "<nil> & \"x\"\n");

    assertThat(text(openim.error(error))).isEqualTo(
        "{\"errCode\":500,\"errMsg\":\"ServerInternalError\",\"errDlt\":\"\\u003cnil\\u003e \\u0026 \\\"x\\\"\\n\"}");
  }

  @Test
  void errorIsWrittenToTheExchangeAsHttp200Json() {
    MockServerHttpResponse response = new MockServerHttpResponse();
    String expected = "{\"errCode\":1001,\"errMsg\":\"ArgsError\",\"errDlt\":\"header must have operationID\"}";

    StepVerifier.create(document.writeError(response, ImError.args("header must have operationID")))
        .verifyComplete();

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
    assertThat(response.getHeaders().getContentLength()).isEqualTo(expected.length());
    StepVerifier.create(response.getBodyAsString()).expectNext(expected).verifyComplete();
  }
}
