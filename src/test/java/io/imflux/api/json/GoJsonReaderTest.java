package io.imflux.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.proto.auth.GetUserTokenReq;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.proto.user.GetAllUserIDReq;
import io.imflux.proto.user.GetDesignateUsersReq;
import io.imflux.proto.user.SearchNotificationAccountReq;
import io.imflux.proto.user.SetUserClientConfigReq;
import io.imflux.proto.user.UpdateUserInfoExReq;
import io.imflux.proto.user.UpdateUserInfoReq;
import io.imflux.proto.user.UserRegisterReq;
import io.imflux.proto.wrappers.BoolValue;
import io.imflux.proto.wrappers.BytesValue;
import io.imflux.proto.wrappers.DoubleValue;
import io.imflux.proto.wrappers.Int64Value;
import io.imflux.proto.wrappers.UInt32Value;
import io.imflux.proto.wrappers.UInt64Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies decoded with Go {@code encoding/json} rules (spec/common.md §1, §3). */
class GoJsonReaderTest {

  private static <T extends Message> Decoded<T> read(String json, T prototype) {
    return GoJsonReader.read(json.getBytes(StandardCharsets.UTF_8), prototype);
  }

  private static <T extends Message> T body(String json, T prototype) {
    return read(json, prototype).message();
  }

  private static void assertArgsError(String json, Message prototype) {
    assertThatThrownBy(() -> read(json, prototype))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ARGS));
  }

  @Nested
  class Body {

    @Test
    void readsEveryFieldOfAUserInfo() {
      UserInfo user = body("""
          {"userID":"u1","nickname":"Bob","faceURL":"http://f/1.png","ex":"{\\"a\\":1}",
           "createTime":1719900000000,"appMangerLevel":2,"globalRecvMsgOpt":1}""", UserInfo.getDefaultInstance());

      assertThat(user).isEqualTo(UserInfo.newBuilder().setUserID("u1").setNickname("Bob")
          .setFaceURL("http://f/1.png").setEx("{\"a\":1}").setCreateTime(1719900000000L).setAppMangerLevel(2)
          .setGlobalRecvMsgOpt(1).build());
    }

    @Test
    void nullBodyIsAnEmptyMessage() {
      Decoded<UserInfo> decoded = read(" null ", UserInfo.getDefaultInstance());

      assertThat(decoded.message()).isEqualTo(UserInfo.getDefaultInstance());
      assertThat(decoded.present()).isEmpty();
    }

    @Test
    void emptyObjectIsAnEmptyMessage() {
      assertThat(body("{}", UserInfo.getDefaultInstance())).isEqualTo(UserInfo.getDefaultInstance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void emptyBodyIsAnArgumentError(String json) {
      assertArgsError(json, UserInfo.getDefaultInstance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{} x", "{}{}", "{\"userID\":\"a\"}]", "null null", "{} 1"})
    void trailingGarbageIsAnArgumentError(String json) {
      assertArgsError(json, UserInfo.getDefaultInstance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "\"userID\"", "1", "true"})
    void bodyThatIsNotAnObjectIsAnArgumentError(String json) {
      assertArgsError(json, UserInfo.getDefaultInstance());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"userID\":}", "{'userID':'a'}", "{\"userID\":\"a\",}", "{\"userID\" \"a\"}",
        "{\"createTime\":01}", "{\"createTime\":NaN}", "{\"userID\":\"a\"", "{userID:\"a\"}"})
    void malformedJsonIsAnArgumentError(String json) {
      assertArgsError(json, UserInfo.getDefaultInstance());
    }
  }

  @Nested
  class Keys {

    @Test
    void unknownKeysAreIgnoredWhateverTheirValue() {
      UserInfo user = body("""
          {"foo":{"bar":[1,{"x":null}],"baz":"q"},"userID":"a","zzz":[[],{}],"n":1.5e300,"t":true,"z":null}""",
          UserInfo.getDefaultInstance());

      assertThat(user).isEqualTo(UserInfo.newBuilder().setUserID("a").build());
    }

    @Test
    void keysMatchFieldNamesIgnoringCase() {
      UserInfo user = body("{\"USERID\":\"a\",\"NickName\":\"b\",\"faceurl\":\"c\",\"CREATETIME\":5}",
          UserInfo.getDefaultInstance());

      assertThat(user).isEqualTo(UserInfo.newBuilder().setUserID("a").setNickname("b").setFaceURL("c")
          .setCreateTime(5).build());
    }

    @Test
    void exactMatchWinsOverACaseInsensitiveOne() {
      DynamicMessage upper = body("{\"UserID\":\"upper\"}", Probe.empty());
      DynamicMessage lower = body("{\"userID\":\"lower\"}", Probe.empty());
      DynamicMessage folded = body("{\"USERID\":\"folded\"}", Probe.empty());

      assertThat(upper.getField(Probe.field("UserID"))).isEqualTo("upper");
      assertThat(upper.getField(Probe.field("userID"))).isEqualTo("");
      assertThat(lower.getField(Probe.field("userID"))).isEqualTo("lower");
      assertThat(lower.getField(Probe.field("UserID"))).isEqualTo("");
      // Go takes the first declared field when only a case-insensitive match exists.
      assertThat(folded.getField(Probe.field("userID"))).isEqualTo("folded");
      assertThat(folded.getField(Probe.field("UserID"))).isEqualTo("");
    }

    @Test
    void laterKeyForTheSameFieldWins() {
      assertThat(body("{\"userID\":\"a\",\"USERID\":\"b\"}", UserInfo.getDefaultInstance()).getUserID())
          .isEqualTo("b");
    }

    @Test
    void escapedStringsAreDecoded() {
      UserInfo user = body("{\"nickname\":\"\\u003cb\\u003e \\u0026 \\\"q\\\" \\\\ \\n \\ud83d\\ude00 é\"}",
          UserInfo.getDefaultInstance());

      assertThat(user.getNickname()).isEqualTo("<b> & \"q\" \\ \n \uD83D\uDE00 é");
    }
  }

  @Nested
  class Integers {

    @ParameterizedTest
    @ValueSource(strings = {"\"1\"", "1.5", "1.0", "1e3", "1E3", "-0.0", "2147483648", "-2147483649",
        "99999999999999999999", "true", "[]", "{}"})
    void int32AcceptsOnlyIntegralNumbersInRange(String value) {
      assertArgsError("{\"appMangerLevel\":" + value + "}", UserInfo.getDefaultInstance());
    }

    @Test
    void int32AcceptsItsWholeRange() {
      assertThat(body("{\"appMangerLevel\":2147483647}", UserInfo.getDefaultInstance()).getAppMangerLevel())
          .isEqualTo(Integer.MAX_VALUE);
      assertThat(body("{\"appMangerLevel\":-2147483648}", UserInfo.getDefaultInstance()).getAppMangerLevel())
          .isEqualTo(Integer.MIN_VALUE);
      assertThat(body("{\"appMangerLevel\":-0}", UserInfo.getDefaultInstance()).getAppMangerLevel()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"1719900000000\"", "1719900000000.0", "1.7199e12", "9223372036854775808",
        "-9223372036854775809"})
    void int64AcceptsOnlyIntegralNumbersInRange(String value) {
      assertArgsError("{\"createTime\":" + value + "}", UserInfo.getDefaultInstance());
    }

    @Test
    void int64AcceptsItsWholeRange() {
      assertThat(body("{\"value\":9223372036854775807}", Int64Value.getDefaultInstance()).getValue())
          .isEqualTo(Long.MAX_VALUE);
      assertThat(body("{\"value\":-9223372036854775808}", Int64Value.getDefaultInstance()).getValue())
          .isEqualTo(Long.MIN_VALUE);
    }

    @Test
    void uint64AcceptsValuesBeyondTwoToTheSixtyThree() {
      assertThat(body("{\"value\":18446744073709551615}", UInt64Value.getDefaultInstance()).getValue())
          .isEqualTo(-1L);
      assertThat(body("{\"value\":9223372036854775808}", UInt64Value.getDefaultInstance()).getValue())
          .isEqualTo(Long.MIN_VALUE);
      DynamicMessage probe = body("{\"idHash\":12345678901234567890}", Probe.empty());
      assertThat(Long.toUnsignedString((Long) probe.getField(Probe.field("idHash"))))
          .isEqualTo("12345678901234567890");
    }

    @ParameterizedTest
    @ValueSource(strings = {"18446744073709551616", "-1", "1.0", "\"5\"", "1e19"})
    void uint64RejectsNegativeOversizedAndNonIntegralValues(String value) {
      assertArgsError("{\"value\":" + value + "}", UInt64Value.getDefaultInstance());
    }

    @Test
    void uint32AcceptsItsWholeRange() {
      assertThat(body("{\"value\":4294967295}", UInt32Value.getDefaultInstance()).getValue()).isEqualTo(-1);
      assertArgsError("{\"value\":4294967296}", UInt32Value.getDefaultInstance());
      assertArgsError("{\"value\":-1}", UInt32Value.getDefaultInstance());
    }

    @Test
    void repeatedIntegersAreCheckedElementByElement() {
      DynamicMessage probe = body("{\"seqs\":[1,-2,9223372036854775807]}", Probe.empty());

      assertThat(probe.getField(Probe.field("seqs"))).isEqualTo(List.of(1L, -2L, Long.MAX_VALUE));
      assertArgsError("{\"seqs\":[1,2.5]}", Probe.empty());
      assertArgsError("{\"seqs\":[1,\"2\"]}", Probe.empty());
    }

    @Test
    void floatingPointFieldsAcceptAnyNumber() {
      assertThat(body("{\"value\":1.5e3}", DoubleValue.getDefaultInstance()).getValue()).isEqualTo(1500.0);
      assertThat(body("{\"value\":7}", DoubleValue.getDefaultInstance()).getValue()).isEqualTo(7.0);
      assertArgsError("{\"value\":\"7\"}", DoubleValue.getDefaultInstance());
    }
  }

  @Nested
  class OtherScalars {

    @Test
    void stringFieldsAcceptOnlyStrings() {
      assertArgsError("{\"userID\":5}", UserInfo.getDefaultInstance());
      assertArgsError("{\"userID\":true}", UserInfo.getDefaultInstance());
      assertArgsError("{\"userID\":[\"a\"]}", UserInfo.getDefaultInstance());
      assertArgsError("{\"userID\":{}}", UserInfo.getDefaultInstance());
    }

    @Test
    void booleansAreTrueAndFalseOnly() {
      assertThat(body("{\"value\":true}", BoolValue.getDefaultInstance()).getValue()).isTrue();
      assertArgsError("{\"value\":1}", BoolValue.getDefaultInstance());
      assertArgsError("{\"value\":\"true\"}", BoolValue.getDefaultInstance());
    }

    @Test
    void bytesAreStandardBase64() {
      assertThat(body("{\"value\":\"AQID/w==\"}", BytesValue.getDefaultInstance()).getValue())
          .isEqualTo(ByteString.copyFrom(new byte[] {1, 2, 3, (byte) 0xff}));
      assertThat(body("{\"value\":\"AQID\\r\\n/w==\"}", BytesValue.getDefaultInstance()).getValue())
          .isEqualTo(ByteString.copyFrom(new byte[] {1, 2, 3, (byte) 0xff}));
      assertThat(body("{\"value\":\"\"}", BytesValue.getDefaultInstance()).getValue()).isEqualTo(ByteString.EMPTY);
      assertThat(body("{\"value\":null}", BytesValue.getDefaultInstance()).getValue()).isEqualTo(ByteString.EMPTY);
      DynamicMessage probe = body("{\"content\":\"aGVsbG8=\",\"chunks\":[\"AQ==\",null,\"\"]}", Probe.empty());
      assertThat(probe.getField(Probe.field("content"))).isEqualTo(ByteString.copyFromUtf8("hello"));
      assertThat(probe.getField(Probe.field("chunks")))
          .isEqualTo(List.of(ByteString.copyFrom(new byte[] {1}), ByteString.EMPTY, ByteString.EMPTY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"!!!!\"", "\"AQ\"", "\"AQI\"", "\"AQ=ID\"", "\"a-b_\"", "\"AQID*A==\"", "5", "[1,2]"})
    void malformedBytesAreAnArgumentError(String value) {
      assertArgsError("{\"value\":" + value + "}", BytesValue.getDefaultInstance());
    }
  }

  @Nested
  class Presence {

    @Test
    void wrappersAreBareScalarsWhereAbsentOrNullMeansUnset() {
      UpdateUserInfoExReq request = body("""
          {"userInfo":{"userID":"u","nickname":"","faceURL":null,"globalRecvMsgOpt":0}}""",
          UpdateUserInfoExReq.getDefaultInstance());

      var info = request.getUserInfo();
      assertThat(info.getUserID()).isEqualTo("u");
      assertThat(info.hasNickname()).isTrue();
      assertThat(info.getNickname().getValue()).isEmpty();
      assertThat(info.hasFaceURL()).isFalse();
      assertThat(info.hasEx()).isFalse();
      assertThat(info.hasGlobalRecvMsgOpt()).isTrue();
      assertThat(info.getGlobalRecvMsgOpt().getValue()).isZero();
    }

    @Test
    void wrapperValuesHaveTheInnerType() {
      DynamicMessage probe = body("{\"blob\":\"AQ==\",\"version\":18446744073709551615}", Probe.empty());

      assertThat(probe.getField(Probe.field("blob")))
          .isEqualTo(BytesValue.newBuilder().setValue(ByteString.copyFrom(new byte[] {1})).build());
      assertThat(probe.getField(Probe.field("version"))).isEqualTo(UInt64Value.newBuilder().setValue(-1L).build());
      assertArgsError("{\"userInfo\":{\"nickname\":{\"value\":\"x\"}}}", UpdateUserInfoExReq.getDefaultInstance());
      assertArgsError("{\"userInfo\":{\"nickname\":5}}", UpdateUserInfoExReq.getDefaultInstance());
      assertArgsError("{\"userInfo\":{\"globalRecvMsgOpt\":\"1\"}}", UpdateUserInfoExReq.getDefaultInstance());
    }

    @Test
    void proto3OptionalIsPresentOrNull() {
      SearchNotificationAccountReq absent = body("{}", SearchNotificationAccountReq.getDefaultInstance());
      SearchNotificationAccountReq nulled =
          body("{\"appManagerLevel\":null}", SearchNotificationAccountReq.getDefaultInstance());
      SearchNotificationAccountReq zero =
          body("{\"appManagerLevel\":0}", SearchNotificationAccountReq.getDefaultInstance());
      SearchNotificationAccountReq reset =
          body("{\"appManagerLevel\":3,\"appManagerLevel\":null}", SearchNotificationAccountReq.getDefaultInstance());

      assertThat(absent.hasAppManagerLevel()).isFalse();
      assertThat(nulled.hasAppManagerLevel()).isFalse();
      assertThat(zero.hasAppManagerLevel()).isTrue();
      assertThat(zero.getAppManagerLevel()).isZero();
      assertThat(reset.hasAppManagerLevel()).isFalse();
    }

    @Test
    void nullNestedMessageIsUnset() {
      assertThat(body("{\"userInfo\":null}", UpdateUserInfoReq.getDefaultInstance()).hasUserInfo()).isFalse();
      assertThat(body("{\"userInfo\":{}}", UpdateUserInfoReq.getDefaultInstance()).hasUserInfo()).isTrue();
      assertArgsError("{\"userInfo\":\"u\"}", UpdateUserInfoReq.getDefaultInstance());
    }

    @Test
    void nullForAPlainScalarLeavesItsZeroValue() {
      Decoded<UserInfo> decoded = read("{\"userID\":null,\"createTime\":null}", UserInfo.getDefaultInstance());

      assertThat(decoded.message()).isEqualTo(UserInfo.getDefaultInstance());
      assertThat(decoded.has("userID")).isFalse();
    }

    @Test
    void hasTellsAMissingListFromANullAndAnEmptyOne() {
      Decoded<GetDesignateUsersReq> missing = read("{}", GetDesignateUsersReq.getDefaultInstance());
      Decoded<GetDesignateUsersReq> nulled = read("{\"userIDs\":null}", GetDesignateUsersReq.getDefaultInstance());
      Decoded<GetDesignateUsersReq> empty = read("{\"userIDs\":[]}", GetDesignateUsersReq.getDefaultInstance());
      Decoded<GetDesignateUsersReq> folded = read("{\"USERIDS\":[\"a\"]}", GetDesignateUsersReq.getDefaultInstance());

      assertThat(missing.has("userIDs")).isFalse();
      assertThat(nulled.has("userIDs")).isFalse();
      assertThat(empty.has("userIDs")).isTrue();
      assertThat(empty.message().getUserIDsList()).isEmpty();
      assertThat(folded.has("userIDs")).isTrue();
      assertThat(folded.message().getUserIDsList()).containsExactly("a");
    }

    @Test
    void hasTracksTopLevelFieldsOnly() {
      Decoded<UpdateUserInfoReq> decoded =
          read("{\"userInfo\":{\"nickname\":\"x\"},\"other\":1}", UpdateUserInfoReq.getDefaultInstance());

      assertThat(decoded.present()).containsExactly("userInfo");
      assertThat(decoded.has("nickname")).isFalse();
      assertThat(decoded.has("other")).isFalse();
    }

    @Test
    void laterNullRemovesPresence() {
      Decoded<GetDesignateUsersReq> decoded =
          read("{\"userIDs\":[\"a\"],\"userIDs\":null}", GetDesignateUsersReq.getDefaultInstance());

      assertThat(decoded.has("userIDs")).isFalse();
      assertThat(decoded.message().getUserIDsList()).isEmpty();
    }
  }

  @Nested
  class Collections {

    @Test
    void repeatedMessagesAreRead() {
      UserRegisterReq request = body("{\"users\":[{\"userID\":\"a\",\"nickname\":\"A\"},{\"userID\":\"b\"}]}",
          UserRegisterReq.getDefaultInstance());

      assertThat(request.getUsersList()).containsExactly(
          UserInfo.newBuilder().setUserID("a").setNickname("A").build(),
          UserInfo.newBuilder().setUserID("b").build());
    }

    @Test
    void nullElementInAListOfMessagesIsAnArgumentError() {
      assertArgsError("{\"users\":[null]}", UserRegisterReq.getDefaultInstance());
      assertArgsError("{\"users\":[{\"userID\":\"a\"},null]}", UserRegisterReq.getDefaultInstance());
    }

    @Test
    void nullElementInAListOfScalarsIsItsZeroValue() {
      assertThat(body("{\"userIDs\":[\"a\",null,\"b\"]}", GetDesignateUsersReq.getDefaultInstance())
          .getUserIDsList()).containsExactly("a", "", "b");
    }

    @Test
    void listMustBeAnArray() {
      assertArgsError("{\"userIDs\":\"a\"}", GetDesignateUsersReq.getDefaultInstance());
      assertArgsError("{\"users\":{}}", UserRegisterReq.getDefaultInstance());
      assertArgsError("{\"userIDs\":[1]}", GetDesignateUsersReq.getDefaultInstance());
    }

    @Test
    void repeatedKeyReplacesTheList() {
      assertThat(body("{\"userIDs\":[\"a\",\"b\"],\"userIDs\":[\"c\"]}", GetDesignateUsersReq.getDefaultInstance())
          .getUserIDsList()).containsExactly("c");
    }

    @Test
    void repeatedKeyMergesIntoANestedObject() {
      GetAllUserIDReq request = body("{\"pagination\":{\"pageNumber\":2},\"pagination\":{\"showNumber\":20}}",
          GetAllUserIDReq.getDefaultInstance());

      assertThat(request.getPagination().getPageNumber()).isEqualTo(2);
      assertThat(request.getPagination().getShowNumber()).isEqualTo(20);
    }

    @Test
    void mapsAreObjectsAndALaterKeyWins() {
      SetUserClientConfigReq request =
          body("{\"userID\":\"u\",\"configs\":{\"b\":\"2\",\"a\":\"1\",\"b\":\"3\",\"n\":null}}",
              SetUserClientConfigReq.getDefaultInstance());

      assertThat(request.getConfigsMap()).isEqualTo(Map.of("a", "1", "b", "3", "n", ""));
    }

    @Test
    void mapKeysOfIntegerMapsAreDecimalStrings() {
      DynamicMessage probe = body("{\"byNumber\":{\"7\":\"seven\",\"-1\":\"minus\"}}", Probe.empty());

      assertThat(GoJsonWriter.write(probe)).contains("\"byNumber\":{\"-1\":\"minus\",\"7\":\"seven\"}");
      assertArgsError("{\"byNumber\":{\"x\":\"y\"}}", Probe.empty());
    }

    @Test
    void mapMustBeAnObjectOfTheValueType() {
      assertArgsError("{\"configs\":[]}", SetUserClientConfigReq.getDefaultInstance());
      assertArgsError("{\"configs\":\"a\"}", SetUserClientConfigReq.getDefaultInstance());
      assertArgsError("{\"configs\":{\"a\":1}}", SetUserClientConfigReq.getDefaultInstance());
    }

    @Test
    void nullMapIsAbsent() {
      Decoded<SetUserClientConfigReq> decoded =
          read("{\"configs\":null}", SetUserClientConfigReq.getDefaultInstance());

      assertThat(decoded.message().getConfigsMap()).isEmpty();
      assertThat(decoded.has("configs")).isFalse();
    }
  }

  /** {@code google.protobuf.Struct}, {@code Value}, {@code ListValue}: Go's {@code map[string]any}, {@code any}. */
  @Nested
  class StructTypes {

    private Value detailValue(DynamicMessage probe, String key) {
      return ((Struct) probe.getField(Probe.field("detail"))).getFieldsOrThrow(key);
    }

    @Test
    void anyJsonObjectIsReadIntoAStruct() {
      DynamicMessage probe = body("""
          {"detail":{"text":"hi","n":3,"f":-2.5,"ok":true,"none":null,"list":[1,"a",[],{}],"obj":{"x":{"y":"z"}}}}""",
          Probe.empty());

      Struct expected = Struct.newBuilder()
          .putFields("text", Value.newBuilder().setStringValue("hi").build())
          .putFields("n", Value.newBuilder().setNumberValue(3).build())
          .putFields("f", Value.newBuilder().setNumberValue(-2.5).build())
          .putFields("ok", Value.newBuilder().setBoolValue(true).build())
          .putFields("none", Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())
          .putFields("list", Value.newBuilder().setListValue(ListValue.newBuilder()
              .addValues(Value.newBuilder().setNumberValue(1))
              .addValues(Value.newBuilder().setStringValue("a"))
              .addValues(Value.newBuilder().setListValue(ListValue.getDefaultInstance()))
              .addValues(Value.newBuilder().setStructValue(Struct.getDefaultInstance()))).build())
          .putFields("obj", Value.newBuilder().setStructValue(Struct.newBuilder().putFields("x",
              Value.newBuilder().setStructValue(Struct.newBuilder()
                  .putFields("y", Value.newBuilder().setStringValue("z").build())).build())).build())
          .build();
      assertThat(probe.getField(Probe.field("detail"))).isEqualTo(expected);
    }

    @Test
    void keysInsideTheStructAreCaseSensitiveWhileTheFieldNameIsNot() {
      DynamicMessage probe = body("{\"DETAIL\":{\"Key\":\"upper\",\"key\":\"lower\"}}", Probe.empty());

      assertThat(detailValue(probe, "Key").getStringValue()).isEqualTo("upper");
      assertThat(detailValue(probe, "key").getStringValue()).isEqualTo("lower");
    }

    @Test
    void numbersAreFloat64LikeGo() {
      DynamicMessage probe = body("{\"detail\":{\"big\":12345678901234567890,\"one\":1.0,\"negZero\":-0}}",
          Probe.empty());

      assertThat(detailValue(probe, "big").getNumberValue()).isEqualTo(1.2345678901234567E19);
      assertThat(detailValue(probe, "one").getNumberValue()).isEqualTo(1.0);
      assertThat(Double.doubleToRawLongBits(detailValue(probe, "negZero").getNumberValue()))
          .isEqualTo(Double.doubleToRawLongBits(-0.0));
    }

    @Test
    void aNumberBeyondFloat64IsAnArgsError() {
      assertArgsError("{\"detail\":{\"a\":1e400}}", Probe.empty());
      assertArgsError("{\"anything\":-1e999}", Probe.empty());
    }

    @Test
    void aRepeatedKeyInsideTheObjectReplacesTheEarlierOne() {
      assertThat(detailValue(body("{\"detail\":{\"a\":1,\"a\":\"two\"}}", Probe.empty()), "a").getStringValue())
          .isEqualTo("two");
    }

    @Test
    void aRepeatedStructFieldMergesIntoTheMapAlreadyRead() {
      DynamicMessage probe = body("{\"detail\":{\"a\":1,\"b\":1},\"detail\":{\"b\":2}}", Probe.empty());

      assertThat(detailValue(probe, "a").getNumberValue()).isEqualTo(1);
      assertThat(detailValue(probe, "b").getNumberValue()).isEqualTo(2);
    }

    @Test
    void aStructMustBeAnObjectAndAListAnArray() {
      assertArgsError("{\"detail\":\"text\"}", Probe.empty());
      assertArgsError("{\"detail\":[]}", Probe.empty());
      assertArgsError("{\"detail\":1}", Probe.empty());
      assertArgsError("{\"items\":{}}", Probe.empty());
      assertArgsError("{\"items\":\"a\"}", Probe.empty());
      assertArgsError("{\"detail\":{\"a\":}}", Probe.empty());
    }

    @Test
    void aValueTakesAnyJson() {
      assertThat(((Value) body("{\"anything\":\"s\"}", Probe.empty()).getField(Probe.field("anything")))
          .getStringValue()).isEqualTo("s");
      assertThat(((Value) body("{\"anything\":[true]}", Probe.empty()).getField(Probe.field("anything")))
          .getListValue().getValues(0).getBoolValue()).isTrue();
      assertThat(((Value) body("{\"anything\":{\"a\":2}}", Probe.empty()).getField(Probe.field("anything")))
          .getStructValue().getFieldsOrThrow("a").getNumberValue()).isEqualTo(2);
    }

    @Test
    void nullForTheFieldIsAbsentButNullInsideIsKept() {
      Decoded<DynamicMessage> absent = read("{\"detail\":null,\"anything\":null}", Probe.empty());
      DynamicMessage inside = body("{\"detail\":{\"a\":null},\"values\":[null,1]}", Probe.empty());

      assertThat(absent.has("detail")).isFalse();
      assertThat(absent.message().hasField(Probe.field("detail"))).isFalse();
      assertThat(absent.message().hasField(Probe.field("anything"))).isFalse();
      assertThat(detailValue(inside, "a").getKindCase()).isEqualTo(Value.KindCase.NULL_VALUE);
      assertThat(inside.getRepeatedField(Probe.field("values"), 0))
          .isEqualTo(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build());
    }

    @Test
    void aStructCanBeTheWholeBody() {
      Struct body = body("{\"b\":1,\"A\":[]}", Struct.getDefaultInstance());

      assertThat(body.getFieldsMap()).containsOnlyKeys("b", "A");
      assertThat(body("null", Struct.getDefaultInstance())).isEqualTo(Struct.getDefaultInstance());
      assertArgsError("[]", Struct.getDefaultInstance());
    }
  }

  @Test
  void whatTheWriterWritesReadsBackUnchanged() {
    UserInfo user = UserInfo.newBuilder().setUserID("u_1").setNickname("<Tom & \"Jerry\">\u2028\uD83D\uDE00")
        .setFaceURL("http://x/?a=1&b=2").setEx("\u0001\t").setCreateTime(Long.MIN_VALUE).setAppMangerLevel(-1)
        .setGlobalRecvMsgOpt(Integer.MAX_VALUE).build();
    DynamicMessage probe = Probe.builder()
        .setField(Probe.field("content"), ByteString.copyFrom(new byte[] {0, (byte) 0x80, (byte) 0xff}))
        .setField(Probe.field("idHash"), -2L)
        .setField(Probe.field("version"), UInt64Value.newBuilder().setValue(Long.MIN_VALUE).build())
        .setField(Probe.field("detail"), body("{\"z\":[1.5,null,{\"<\":\"\u2028\"}],\"a\":false}",
            Struct.getDefaultInstance()))
        .build();
    GetUserTokenReq token = GetUserTokenReq.newBuilder().setUserID("a").setPlatformID(5).build();

    assertThat(body(GoJsonWriter.write(user), UserInfo.getDefaultInstance())).isEqualTo(user);
    assertThat(body(GoJsonWriter.write(probe), Probe.empty())).isEqualTo(probe);
    assertThat(body(GoJsonWriter.write(token), GetUserTokenReq.getDefaultInstance())).isEqualTo(token);
  }
}
