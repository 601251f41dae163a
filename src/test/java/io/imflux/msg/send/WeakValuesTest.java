package io.imflux.msg.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The reference's weak decoding of content values (Go mapstructure, {@code WeaklyTypedInput}). */
class WeakValuesTest {

  private static Value text(String s) {
    return Value.newBuilder().setStringValue(s).build();
  }

  private static Value number(double d) {
    return Value.newBuilder().setNumberValue(d).build();
  }

  private static Value bool(boolean b) {
    return Value.newBuilder().setBoolValue(b).build();
  }

  private static final Value NULL = Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();

  private static void argsError(Runnable call, String detailPart) {
    assertThatThrownBy(call::run).isInstanceOfSatisfying(ImError.class, e -> {
      assertThat(e.kind()).isEqualTo(ErrorKind.ARGS);
      assertThat(e.detail()).contains(detailPart);
    });
  }

  @Test
  void anExactKeyWinsOverOneThatMatchesIgnoringCase() {
    Struct object = Struct.newBuilder().putFields("Url", text("folded")).putFields("url", text("exact"))
        .putFields("Other", text("o")).build();

    assertThat(WeakValues.find(object, "url")).contains(text("exact"));
    assertThat(WeakValues.find(object, "other")).contains(text("o"));
    assertThat(WeakValues.find(object, "missing")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "100, 100",
      "1.5, 1.5",
      "1e21, 1000000000000000000000",
      "1e-7, 0.0000001",
      "-2.25, -2.25",
      "12345678901234567890, 12345678901234567000",
  })
  void numbersBecomeStringsAsGoFormatsThemWithoutExponent(double value, String expected) {
    assertThat(WeakValues.string(number(value), "f")).isEqualTo(expected);
  }

  @Test
  void otherScalarsBecomeStrings() {
    assertThat(WeakValues.string(bool(true), "f")).isEqualTo("1");
    assertThat(WeakValues.string(bool(false), "f")).isEqualTo("0");
    assertThat(WeakValues.string(NULL, "f")).isEmpty();
    assertThat(WeakValues.string(Value.getDefaultInstance(), "f")).isEmpty();
    assertThat(WeakValues.string(number(-0.0), "f")).isEqualTo("-0");
    argsError(() -> WeakValues.string(Value.newBuilder().setListValue(ListValue.getDefaultInstance()).build(), "f"),
        "'f' expected type 'string', got unconvertible type '[]interface {}'");
  }

  @ParameterizedTest
  @CsvSource({
      "'', 0",
      "42, 42",
      "-42, -42",
      "+7, 7",
      "0x1F, 31",
      "0X1f, 31",
      "0o17, 15",
      "017, 15",
      "0b101, 5",
      "1_000, 1000",
      "0x_ff, 255",
      "9223372036854775807, 9223372036854775807",
      "-9223372036854775808, -9223372036854775808",
  })
  void stringsParseAsGoParseIntWithBaseZero(String text, long expected) {
    assertThat(WeakValues.integer(text(text), 64, "n")).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1.5", "08", "0x", "1__0", "_1", "1_", " 1", "١", "9223372036854775808", "--1"})
  void otherStringsAreNotIntegers(String text) {
    argsError(() -> WeakValues.integer(text(text), 64, "n"), "cannot parse 'n' as int");
  }

  @Test
  void thirtyTwoBitFieldsCheckTheRangeOfStringsAndWrapTruncatedNumbers() {
    assertThat(WeakValues.integer(text("2147483647"), 32, "n")).isEqualTo(2147483647);
    argsError(() -> WeakValues.integer(text("2147483648"), 32, "n"), "value out of range");
    assertThat(WeakValues.integer(number(4294967296.0), 32, "n")).isZero();
    assertThat(WeakValues.integer(number(4294967297.9), 32, "n")).isEqualTo(1);
  }

  @Test
  void numbersTruncateAndFlagsCount() {
    assertThat(WeakValues.integer(number(9.99), 64, "n")).isEqualTo(9);
    assertThat(WeakValues.integer(number(-9.99), 64, "n")).isEqualTo(-9);
    assertThat(WeakValues.integer(bool(true), 64, "n")).isEqualTo(1);
    assertThat(WeakValues.integer(NULL, 64, "n")).isZero();
    argsError(() -> WeakValues.integer(Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build(), 32,
        "n"), "'n' expected type 'int32'");
  }

  @Test
  void booleansFromStringsAndNumbers() {
    assertThat(List.of("1", "t", "T", "TRUE", "true", "True"))
        .allSatisfy(s -> assertThat(WeakValues.bool(text(s), "b")).isTrue());
    assertThat(List.of("0", "f", "F", "FALSE", "false", "False", ""))
        .allSatisfy(s -> assertThat(WeakValues.bool(text(s), "b")).isFalse());
    assertThat(WeakValues.bool(number(2), "b")).isTrue();
    assertThat(WeakValues.bool(number(0), "b")).isFalse();
    argsError(() -> WeakValues.bool(text("yes"), "b"), "cannot parse 'b' as bool");
  }

  @Test
  void listsTakeSingleValuesAndAnEmptyObject() {
    assertThat(WeakValues.stringList(text("a"), "l")).contains(List.of("a"));
    assertThat(WeakValues.stringList(number(3), "l")).contains(List.of("3"));
    assertThat(WeakValues.stringList(Value.newBuilder().setStructValue(Struct.getDefaultInstance()).build(), "l"))
        .contains(List.of());
    assertThat(WeakValues.stringList(NULL, "l")).isEmpty();
    assertThat(WeakValues.stringList(Value.newBuilder().setListValue(ListValue.newBuilder()
        .addValues(text("x")).addValues(NULL).addValues(bool(true))).build(), "l")).contains(List.of("x", "", "1"));
  }
}
