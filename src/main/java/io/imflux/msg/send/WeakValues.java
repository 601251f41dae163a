package io.imflux.msg.send;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ImError;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads JSON values into typed fields the way the reference's weak decoder (Go mapstructure with
 * {@code WeaklyTypedInput}) fills its content structs (spec/api-msg.md §4.2): keys match exactly, else ignoring
 * case; {@code null} is the zero value; strings convert to numbers and booleans and back; a number for an integer
 * field is truncated; a single value stands for a one-element list. Anything else is an ARGS error.
 */
final class WeakValues {

  private static final Pattern DIGITS_2 = Pattern.compile("[01]+");
  private static final Pattern DIGITS_8 = Pattern.compile("[0-7]+");
  private static final Pattern DIGITS_10 = Pattern.compile("[0-9]+");
  private static final Pattern DIGITS_16 = Pattern.compile("[0-9a-fA-F]+");

  private WeakValues() {}

  /** The value under {@code key}: the exact key, else the first key equal ignoring case (in sorted key order). */
  static Optional<Value> find(Struct object, String key) {
    Value exact = object.getFieldsMap().get(key);
    if (exact != null) {
      return Optional.of(exact);
    }
    return object.getFieldsMap().entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(key))
        .min(Map.Entry.comparingByKey())
        .map(Map.Entry::getValue);
  }

  static String string(Value value, String path) {
    return switch (value.getKindCase()) {
      case STRING_VALUE -> value.getStringValue();
      case BOOL_VALUE -> value.getBoolValue() ? "1" : "0";
      case NUMBER_VALUE -> formatNumber(value.getNumberValue());
      case NULL_VALUE, KIND_NOT_SET -> "";
      default -> throw unconvertible(path, "string", value);
    };
  }

  /** A signed integer of {@code bits} bits: 32 wraps a truncated number as Go's reflection does. */
  static long integer(Value value, int bits, String path) {
    return switch (value.getKindCase()) {
      case NUMBER_VALUE -> {
        long truncated = (long) value.getNumberValue();
        yield bits == 32 ? (int) truncated : truncated;
      }
      case BOOL_VALUE -> value.getBoolValue() ? 1 : 0;
      case STRING_VALUE -> parseInteger(value.getStringValue(), bits, path);
      case NULL_VALUE, KIND_NOT_SET -> 0;
      default -> throw unconvertible(path, bits == 32 ? "int32" : "int64", value);
    };
  }

  static boolean bool(Value value, String path) {
    return switch (value.getKindCase()) {
      case BOOL_VALUE -> value.getBoolValue();
      case NUMBER_VALUE -> value.getNumberValue() != 0;
      case STRING_VALUE -> switch (value.getStringValue()) {
        case "1", "t", "T", "TRUE", "true", "True" -> true;
        case "0", "f", "F", "FALSE", "false", "False", "" -> false;
        default -> throw ImError.args("failed to decode message content: cannot parse '" + path + "' as bool");
      };
      case NULL_VALUE, KIND_NOT_SET -> false;
      default -> throw unconvertible(path, "bool", value);
    };
  }

  /**
   * The elements of a list, or empty when the value is {@code null} (a nil slice). An empty object is an empty list
   * and any other single value a list of itself.
   */
  static Optional<List<Value>> list(Value value, String path) {
    return switch (value.getKindCase()) {
      case LIST_VALUE -> Optional.of(value.getListValue().getValuesList());
      case NULL_VALUE, KIND_NOT_SET -> Optional.empty();
      case STRUCT_VALUE -> {
        if (value.getStructValue().getFieldsCount() == 0) {
          yield Optional.of(List.of());
        }
        throw ImError.args("failed to decode message content: '" + path
            + "': source data must be an array or slice, got map");
      }
      default -> Optional.of(List.of(value));
    };
  }

  static Optional<List<String>> stringList(Value value, String path) {
    return list(value, path).map(elements -> {
      List<String> strings = new ArrayList<>(elements.size());
      for (int i = 0; i < elements.size(); i++) {
        strings.add(string(elements.get(i), path + "[" + i + "]"));
      }
      return strings;
    });
  }

  /** The object a struct field is decoded from; {@code null} is the zero struct, anything but an object fails. */
  static Struct object(Value value, String path) {
    return switch (value.getKindCase()) {
      case STRUCT_VALUE -> value.getStructValue();
      case NULL_VALUE, KIND_NOT_SET -> Struct.getDefaultInstance();
      default -> throw ImError.args("failed to decode message content: '" + path + "' expected a map, got '"
          + goKind(value) + "'");
    };
  }

  /** Go's {@code strconv.FormatFloat(f, 'f', -1, 64)}: the shortest decimal, never an exponent. */
  static String formatNumber(double number) {
    if (number == 0) {
      return 1 / number < 0 ? "-0" : "0";
    }
    return new BigDecimal(Double.toString(number)).stripTrailingZeros().toPlainString();
  }

  /**
   * Go's {@code strconv.ParseInt(s, 0, bits)} after the weak decoder's empty-string-is-zero: an optional sign, a
   * {@code 0x}, {@code 0o}, {@code 0b} or {@code 0} (octal) prefix, and {@code _} between digits.
   */
  static long parseInteger(String text, int bits, String path) {
    String digits = text.isEmpty() ? "0" : text;
    boolean negative = digits.startsWith("-");
    if (negative || digits.startsWith("+")) {
      digits = digits.substring(1);
    }
    int radix = 10;
    Pattern allowed = DIGITS_10;
    if (digits.length() >= 2 && digits.charAt(0) == '0') {
      switch (Character.toLowerCase(digits.charAt(1))) {
        case 'x' -> {
          radix = 16;
          allowed = DIGITS_16;
          digits = digits.substring(2);
        }
        case 'o' -> {
          radix = 8;
          allowed = DIGITS_8;
          digits = digits.substring(2);
        }
        case 'b' -> {
          radix = 2;
          allowed = DIGITS_2;
          digits = digits.substring(2);
        }
        default -> {
          radix = 8;
          allowed = DIGITS_8;
          digits = digits.substring(1);
        }
      }
    }
    if (digits.indexOf('_') >= 0) {
      if (!underscoresSeparateDigits(text)) {
        throw notAnInteger(text, path);
      }
      digits = digits.replace("_", "");
    }
    if (!allowed.matcher(digits).matches()) {
      throw notAnInteger(text, path);
    }
    BigInteger value = new BigInteger(digits, radix);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() >= bits) {
      throw ImError.args("failed to decode message content: cannot parse '" + path + "' as int: strconv.ParseInt: "
          + "parsing \"" + text + "\": value out of range");
    }
    return value.longValue();
  }

  /** Go's {@code underscoreOK}: each {@code _} follows a digit or the base prefix and precedes a digit. */
  private static boolean underscoresSeparateDigits(String text) {
    String s = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    char saw = '^';
    int i = 0;
    boolean hex = false;
    if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
      i = 2;
      saw = '0';
      hex = Character.toLowerCase(s.charAt(1)) == 'x';
    }
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      char lower = Character.toLowerCase(c);
      if (c >= '0' && c <= '9' || hex && lower >= 'a' && lower <= 'f') {
        saw = '0';
      } else if (c == '_') {
        if (saw != '0') {
          return false;
        }
        saw = '_';
      } else {
        if (saw == '_') {
          return false;
        }
        saw = '!';
      }
    }
    return saw != '_';
  }

  private static ImError notAnInteger(String text, String path) {
    return ImError.args("failed to decode message content: cannot parse '" + path + "' as int: strconv.ParseInt: "
        + "parsing \"" + text + "\": invalid syntax");
  }

  private static ImError unconvertible(String path, String type, Value value) {
    return ImError.args("failed to decode message content: '" + path + "' expected type '" + type
        + "', got unconvertible type '" + goType(value) + "'");
  }

  private static String goType(Value value) {
    return switch (value.getKindCase()) {
      case STRUCT_VALUE -> "map[string]interface {}";
      case LIST_VALUE -> "[]interface {}";
      case NUMBER_VALUE -> "float64";
      case BOOL_VALUE -> "bool";
      case STRING_VALUE -> "string";
      case NULL_VALUE, KIND_NOT_SET -> "<nil>";
    };
  }

  private static String goKind(Value value) {
    String type = goType(value);
    return type.startsWith("map") ? "map" : type.startsWith("[]") ? "slice" : type.toLowerCase(Locale.ROOT);
  }
}
