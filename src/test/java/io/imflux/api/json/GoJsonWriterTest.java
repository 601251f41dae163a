package io.imflux.api.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.proto.auth.GetAdminTokenResp;
import io.imflux.proto.msggateway.OnlinePlatformDetail;
import io.imflux.proto.msggateway.UserOnlineStatusResult;
import io.imflux.proto.sdkws.RequestPagination;
import io.imflux.proto.sdkws.SubUserOnlineStatusElem;
import io.imflux.proto.sdkws.UserInfo;
import io.imflux.proto.sdkws.UserInfoWithEx;
import io.imflux.proto.user.AccountCheckResp;
import io.imflux.proto.user.GetAllUserIDReq;
import io.imflux.proto.user.GetAllUserIDResp;
import io.imflux.proto.user.GetDesignateUsersResp;
import io.imflux.proto.user.GetUserClientConfigResp;
import io.imflux.proto.user.SearchNotificationAccountReq;
import io.imflux.proto.user.UpdateUserInfoReq;
import io.imflux.proto.user.UserRegisterResp;
import io.imflux.proto.wrappers.BoolValue;
import io.imflux.proto.wrappers.BytesValue;
import io.imflux.proto.wrappers.DoubleValue;
import io.imflux.proto.wrappers.FloatValue;
import io.imflux.proto.wrappers.Int32Value;
import io.imflux.proto.wrappers.Int64Value;
import io.imflux.proto.wrappers.StringValue;
import io.imflux.proto.wrappers.UInt32Value;
import io.imflux.proto.wrappers.UInt64Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Protocol messages written as Go's {@code encoding/json} writes the reference's structs (spec/common.md §3). */
class GoJsonWriterTest {

  private static String json(com.google.protobuf.MessageOrBuilder message) {
    return GoJsonWriter.write(message);
  }

  private static String doubleJson(double value) {
    return json(DoubleValue.newBuilder().setValue(value).build());
  }

  @Nested
  class ZeroValues {

    @Test
    void emptyUserInfoHasEveryFieldWithItsZeroValue() {
      assertThat(json(UserInfo.getDefaultInstance())).isEqualTo(
          "{\"userID\":\"\",\"nickname\":\"\",\"faceURL\":\"\",\"ex\":\"\",\"createTime\":0,\"appMangerLevel\":0,"
              + "\"globalRecvMsgOpt\":0}");
    }

    @Test
    void fieldsAreInDeclarationOrderWithTheirProtoNames() {
      UserInfo user = UserInfo.newBuilder().setGlobalRecvMsgOpt(2).setAppMangerLevel(1).setCreateTime(1719900000000L)
          .setEx("e").setFaceURL("f").setNickname("n").setUserID("u").build();

      assertThat(json(user)).isEqualTo("{\"userID\":\"u\",\"nickname\":\"n\",\"faceURL\":\"f\",\"ex\":\"e\","
          + "\"createTime\":1719900000000,\"appMangerLevel\":1,\"globalRecvMsgOpt\":2}");
    }

    @Test
    void fieldOrderFollowsDeclarationNotFieldNumbers() {
      assertThat(json(GetAdminTokenResp.newBuilder().setToken("t").setExpireTimeSeconds(7776000).build()))
          .isEqualTo("{\"token\":\"t\",\"expireTimeSeconds\":7776000}");
    }

    @Test
    void messageWithoutFieldsIsAnEmptyObject() {
      assertThat(json(UserRegisterResp.getDefaultInstance())).isEqualTo("{}");
    }

    @Test
    void falseIsWritten() {
      assertThat(json(OnlinePlatformDetail.getDefaultInstance()))
          .isEqualTo("{\"platformID\":0,\"connID\":\"\",\"isBackground\":false,\"token\":\"\"}");
    }
  }

  @Nested
  class Nesting {

    @Test
    void unsetNestedMessageIsNull() {
      assertThat(json(UpdateUserInfoReq.getDefaultInstance())).isEqualTo("{\"userInfo\":null}");
      assertThat(json(GetAllUserIDReq.getDefaultInstance())).isEqualTo("{\"pagination\":null}");
    }

    @Test
    void setButEmptyNestedMessageIsAnObjectOfZeroValues() {
      assertThat(json(GetAllUserIDReq.newBuilder().setPagination(RequestPagination.getDefaultInstance()).build()))
          .isEqualTo("{\"pagination\":{\"pageNumber\":0,\"showNumber\":0}}");
    }

    @Test
    void repeatedFieldsAreAlwaysArrays() {
      assertThat(json(GetDesignateUsersResp.getDefaultInstance())).isEqualTo("{\"usersInfo\":[]}");
      assertThat(json(GetAllUserIDResp.getDefaultInstance())).isEqualTo("{\"total\":0,\"userIDs\":[]}");
      assertThat(json(GetAllUserIDResp.newBuilder().setTotal(2).addUserIDs("a").addUserIDs("b").build()))
          .isEqualTo("{\"total\":2,\"userIDs\":[\"a\",\"b\"]}");
      assertThat(json(SubUserOnlineStatusElem.newBuilder().setUserID("u").addOnlinePlatformIDs(1)
          .addOnlinePlatformIDs(5).build())).isEqualTo("{\"userID\":\"u\",\"onlinePlatformIDs\":[1,5]}");
    }

    @Test
    void repeatedMessagesAreArraysOfObjects() {
      AccountCheckResp response = AccountCheckResp.newBuilder()
          .addResults(AccountCheckResp.SingleUserStatus.newBuilder().setUserID("a").setAccountStatus(1))
          .addResults(AccountCheckResp.SingleUserStatus.newBuilder().setUserID("b"))
          .build();

      assertThat(json(response)).isEqualTo("{\"results\":[{\"userID\":\"a\",\"accountStatus\":1},"
          + "{\"userID\":\"b\",\"accountStatus\":0}]}");
    }

    @Test
    void listOfMessagesIsAJsonArray() {
      StringBuilder out = new StringBuilder();
      GoJsonWriter.writeList(List.of(
          UserOnlineStatusResult.newBuilder().setUserID("a").setStatus(1)
              .addDetailPlatformStatus(OnlinePlatformDetail.newBuilder().setPlatformID(5).setConnID("c"))
              .build(),
          UserOnlineStatusResult.newBuilder().setUserID("b").build()), out);

      assertThat(out).hasToString("[{\"userID\":\"a\",\"status\":1,\"detailPlatformStatus\":[{\"platformID\":5,"
          + "\"connID\":\"c\",\"isBackground\":false,\"token\":\"\"}]},"
          + "{\"userID\":\"b\",\"status\":0,\"detailPlatformStatus\":[]}]");
    }

    @Test
    void emptyListOfMessagesIsAnEmptyArray() {
      StringBuilder out = new StringBuilder();
      GoJsonWriter.writeList(List.of(), out);

      assertThat(out).hasToString("[]");
    }
  }

  @Nested
  class Maps {

    @Test
    void emptyMapIsOmitted() {
      assertThat(json(GetUserClientConfigResp.getDefaultInstance())).isEqualTo("{}");
    }

    @Test
    void nonEmptyMapHasSortedKeys() {
      GetUserClientConfigResp response = GetUserClientConfigResp.newBuilder()
          .putConfigs("theme", "dark").putConfigs("a.b", "<1>").putConfigs("Zed", "").putConfigs("lang", "en")
          .build();

      assertThat(json(response)).isEqualTo(
          "{\"configs\":{\"Zed\":\"\",\"a.b\":\"\\u003c1\\u003e\",\"lang\":\"en\",\"theme\":\"dark\"}}");
    }

    @Test
    void integerKeysAreSortedAsTheirDecimalText() {
      DynamicMessage.Builder probe = Probe.builder();
      for (int key : new int[] {10, 9, -1, 100}) {
        DynamicMessage entry = DynamicMessage.newBuilder(Probe.field("byNumber").getMessageType())
            .setField(Probe.field("byNumber").getMessageType().findFieldByName("key"), key)
            .setField(Probe.field("byNumber").getMessageType().findFieldByName("value"), "v" + key)
            .build();
        probe.addRepeatedField(Probe.field("byNumber"), entry);
      }

      assertThat(json(probe.build()))
          .contains("\"byNumber\":{\"-1\":\"v-1\",\"10\":\"v10\",\"100\":\"v100\",\"9\":\"v9\"}");
    }
  }

  @Nested
  class Wrappers {

    @Test
    void setWrappersAreBareValuesAndUnsetOnesNull() {
      UserInfoWithEx info = UserInfoWithEx.newBuilder().setUserID("u")
          .setNickname(StringValue.newBuilder().setValue(""))
          .setGlobalRecvMsgOpt(Int32Value.newBuilder().setValue(0))
          .build();

      assertThat(json(info)).isEqualTo(
          "{\"userID\":\"u\",\"nickname\":\"\",\"faceURL\":null,\"ex\":null,\"globalRecvMsgOpt\":0}");
    }

    @Test
    void everyWrapperInsideAMessageIsItsBareValue() {
      DynamicMessage probe = Probe.builder()
          .setField(Probe.field("blob"), BytesValue.newBuilder().setValue(ByteString.copyFromUtf8("hi")).build())
          .setField(Probe.field("version"), UInt64Value.newBuilder().setValue(-1L).build())
          .build();

      assertThat(json(probe)).contains("\"blob\":\"aGk=\"", "\"version\":18446744073709551615");
    }

    @Test
    void topLevelWrapperIsAnOrdinaryMessage() {
      assertThat(json(StringValue.newBuilder().setValue("x").build())).isEqualTo("{\"value\":\"x\"}");
      assertThat(json(BoolValue.getDefaultInstance())).isEqualTo("{\"value\":false}");
    }

    @Test
    void proto3OptionalIsNullUntilSet() {
      assertThat(json(SearchNotificationAccountReq.getDefaultInstance()))
          .isEqualTo("{\"keyword\":\"\",\"appManagerLevel\":null,\"pagination\":null}");
      assertThat(json(SearchNotificationAccountReq.newBuilder().setAppManagerLevel(0).build()))
          .isEqualTo("{\"keyword\":\"\",\"appManagerLevel\":0,\"pagination\":null}");
    }
  }

  @Nested
  class Numbers {

    @Test
    void unsigned64BitValuesBeyondTwoToTheSixtyThreeArePlainDecimals() {
      assertThat(json(UInt64Value.newBuilder().setValue(-1L).build())).isEqualTo("{\"value\":18446744073709551615}");
      assertThat(json(UInt64Value.newBuilder().setValue(Long.MIN_VALUE).build()))
          .isEqualTo("{\"value\":9223372036854775808}");
      DynamicMessage probe =
          Probe.builder().setField(Probe.field("idHash"), Long.parseUnsignedLong("12345678901234567890")).build();
      assertThat(json(probe)).contains("\"idHash\":12345678901234567890");
    }

    @Test
    void signedIntegersKeepTheirSign() {
      assertThat(json(Int64Value.newBuilder().setValue(Long.MIN_VALUE).build()))
          .isEqualTo("{\"value\":-9223372036854775808}");
      assertThat(json(Int32Value.newBuilder().setValue(-7).build())).isEqualTo("{\"value\":-7}");
      assertThat(json(UInt32Value.newBuilder().setValue(-1).build())).isEqualTo("{\"value\":4294967295}");
    }

    @ParameterizedTest
    @CsvSource({
        "1.5, 1.5",
        "100, 100",
        "-0.25, -0.25",
        "0.000001, 0.000001",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.5e300, 1.5e+300",
        "1e-7, 1e-7",
        "1.5e-10, 1.5e-10",
        "-2.5e-8, -2.5e-8",
        "0.1, 0.1",
        "-0.0, -0",
    })
    void doublesAreShortestDecimalsLikeGo(double value, String expected) {
      assertThat(doubleJson(value)).isEqualTo("{\"value\":" + expected + "}");
    }

    @Test
    void floatsAreShortestForTheirOwnPrecision() {
      assertThat(json(FloatValue.newBuilder().setValue(0.1f).build())).isEqualTo("{\"value\":0.1}");
      assertThat(json(FloatValue.newBuilder().setValue(16777216f).build())).isEqualTo("{\"value\":16777216}");
      assertThat(json(FloatValue.newBuilder().setValue(1e-7f).build())).isEqualTo("{\"value\":1e-7}");
    }
  }

  @Nested
  class StringsAndBytes {

    @Test
    void htmlCharactersAreEscapedAsGoDoes() {
      assertThat(json(StringValue.newBuilder().setValue("<a href=\"x\">&</a>").build()))
          .isEqualTo("{\"value\":\"\\u003ca href=\\\"x\\\"\\u003e\\u0026\\u003c/a\\u003e\"}");
    }

    @Test
    void controlCharactersAndLineSeparatorsAreEscaped() {
      assertThat(json(StringValue.newBuilder().setValue("a\nb\rc\td\u0001e\u001f\u2028\u2029\\").build()))
          .isEqualTo("{\"value\":\"a\\nb\\rc\\td\\u0001e\\u001f\\u2028\\u2029\\\\\"}");
      // Go 1.22+: backspace and form feed get their short escapes.
      assertThat(json(StringValue.newBuilder().setValue("x\by\fz").build()))
          .isEqualTo("{\"value\":\"x\\by\\fz\"}");
    }

    @Test
    void nonAsciiIsWrittenAsIsAndBrokenSurrogatesAreReplaced() {
      assertThat(json(StringValue.newBuilder().setValue("你好 é \uD83D\uDE00 \uD83D x \uDE00").build()))
          .isEqualTo("{\"value\":\"你好 é \uD83D\uDE00 \uFFFD x \uFFFD\"}");
    }

    @Test
    void bytesAreStandardPaddedBase64AndEmptyBytesNull() {
      assertThat(json(BytesValue.newBuilder().setValue(ByteString.copyFrom(new byte[] {(byte) 0xfb, (byte) 0xff}))
          .build())).isEqualTo("{\"value\":\"+/8=\"}");
      assertThat(json(BytesValue.getDefaultInstance())).isEqualTo("{\"value\":null}");
      DynamicMessage probe = Probe.builder()
          .addRepeatedField(Probe.field("chunks"), ByteString.copyFromUtf8("a"))
          .addRepeatedField(Probe.field("chunks"), ByteString.EMPTY)
          .build();
      assertThat(json(probe)).contains("\"content\":null", "\"chunks\":[\"YQ==\",null]");
    }
  }

  /** {@code google.protobuf.Struct}, {@code Value}, {@code ListValue} written as Go re-serialises a map[string]any. */
  @Nested
  class StructTypes {

    private Struct struct(String json) {
      return GoJsonReader.read(json.getBytes(StandardCharsets.UTF_8), Struct.getDefaultInstance()).message();
    }

    @Test
    void objectsComeBackWithSortedKeysAndGoNumbers() {
      Struct content = struct("""
          {"text":"hi","atUserList":["u2","u1"],"n":100.0,"big":12345678901234567890,"tiny":0.0000001,
           "huge":1e21,"f":-2.50,"nested":{"b":true,"a":null,"c":{}},"empty":[],"zero":-0}""");

      assertThat(json(content)).isEqualTo("{\"atUserList\":[\"u2\",\"u1\"],\"big\":12345678901234567000,"
          + "\"empty\":[],\"f\":-2.5,\"huge\":1e+21,\"n\":100,\"nested\":{\"a\":null,\"b\":true,\"c\":{}},"
          + "\"text\":\"hi\",\"tiny\":1e-7,\"zero\":-0}");
    }

    @Test
    void keysAreInUtf8ByteOrderNotUtf16Order() {
      Struct content = struct("{\"\uD83D\uDE00\":1,\"\uFFFD\":2,\"\u00E9\":3,\"a\":4,\"B\":5,\"\":6}");

      assertThat(json(content)).isEqualTo("{\"\":6,\"B\":5,\"a\":4,\"\u00E9\":3,\"\uFFFD\":2,\"\uD83D\uDE00\":1}");
    }

    @Test
    void stringsInsideAreEscapedAsGoDoes() {
      assertThat(json(struct("{\"<k>\":\"a&b\\n\"}"))).isEqualTo("{\"\\u003ck\\u003e\":\"a\\u0026b\\n\"}");
    }

    @Test
    void insideAMessageTheyArePlainJsonAndUnsetOnesNull() {
      DynamicMessage probe = Probe.builder()
          .setField(Probe.field("detail"), struct("{\"b\":[1,{\"y\":2,\"x\":1}],\"a\":\"s\"}"))
          .setField(Probe.field("items"), ListValue.newBuilder().addValues(Value.newBuilder().setNumberValue(0.5))
              .addValues(Value.getDefaultInstance()).build())
          .addRepeatedField(Probe.field("values"), Value.newBuilder().setBoolValue(false).build())
          .build();

      assertThat(json(probe)).contains(
          "\"detail\":{\"a\":\"s\",\"b\":[1,{\"x\":1,\"y\":2}]},\"anything\":null,\"items\":[0.5,null],"
              + "\"values\":[false]");
    }

    @Test
    void emptyStructAndListAreWrittenEmptyNotOmitted() {
      DynamicMessage probe = Probe.builder()
          .setField(Probe.field("detail"), Struct.getDefaultInstance())
          .setField(Probe.field("items"), ListValue.getDefaultInstance())
          .build();

      assertThat(json(probe)).contains("\"detail\":{}", "\"items\":[]");
    }

    @Test
    void topLevelTheyAreThePlainJsonValue() {
      assertThat(json(Struct.getDefaultInstance())).isEqualTo("{}");
      assertThat(json(Value.newBuilder().setStringValue("x").build())).isEqualTo("\"x\"");
      assertThat(json(Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build())).isEqualTo("null");
      assertThat(json(ListValue.newBuilder().addValues(Value.newBuilder().setNumberValue(3)).build()))
          .isEqualTo("[3]");
      assertThat(json(struct("{\"b\":1,\"a\":2}").toBuilder())).isEqualTo("{\"a\":2,\"b\":1}");
    }

    @Test
    void aMessageParsedWithoutGeneratedClassesWritesTheSame() throws Exception {
      DynamicMessage probe = Probe.builder()
          .setField(Probe.field("detail"), struct("{\"k\":[\"v\",2]}"))
          .setField(Probe.field("anything"), Value.newBuilder().setStringValue("s").build())
          .build();

      DynamicMessage reparsed = DynamicMessage.parseFrom(Probe.DESCRIPTOR, probe.toByteString());

      assertThat(json(reparsed)).isEqualTo(json(probe)).contains("\"detail\":{\"k\":[\"v\",2]},\"anything\":\"s\"");
    }
  }

  @Test
  void probeWritesEveryFieldInDeclarationOrder() {
    assertThat(json(Probe.empty())).isEqualTo("{\"userID\":\"\",\"UserID\":\"\",\"content\":null,\"idHash\":0,"
        + "\"chunks\":[],\"blob\":null,\"version\":null,\"seqs\":[],\"detail\":null,\"anything\":null,"
        + "\"items\":null,\"values\":[]}");
  }
}
