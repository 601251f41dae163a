package io.imflux.api.json;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.MapEntry;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;

/**
 * Writes protobuf messages as Go's {@code encoding/json} writes the reference's generated structs
 * (spec/common.md §3): .proto field names in declaration order, zero values present, unset messages {@code null},
 * lists always {@code []}, empty maps omitted and map keys sorted, wrappers bare, bytes base64, 64-bit integers as
 * plain (unsigned where declared) numbers, {@code google.protobuf.Struct}/{@code Value}/{@code ListValue} as the
 * plain JSON they hold ({@link StructJson}), and Go's HTML-safe string escaping.
 */
public final class GoJsonWriter {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private GoJsonWriter() {}

  public static String write(MessageOrBuilder message) {
    StringBuilder out = new StringBuilder(128);
    writeMessage(message, out);
    return out.toString();
  }

  public static void writeMessage(MessageOrBuilder message, StringBuilder out) {
    Descriptor descriptor = message.getDescriptorForType();
    if (StructJson.isStructType(descriptor)) {
      StructJson.write(message instanceof Message.Builder builder ? builder.build() : (Message) message, out);
      return;
    }
    out.append('{');
    boolean first = true;
    for (FieldDescriptor field : descriptor.getFields()) {
      if (field.isMapField() && message.getRepeatedFieldCount(field) == 0) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      writeString(field.getName(), out);
      out.append(':');
      writeField(message, field, out);
    }
    out.append('}');
  }

  /** A list of messages as a JSON array, for routes whose {@code data} is an array. */
  public static void writeList(List<? extends MessageOrBuilder> messages, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < messages.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeMessage(messages.get(i), out);
    }
    out.append(']');
  }

  private static void writeField(MessageOrBuilder message, FieldDescriptor field, StringBuilder out) {
    if (field.isMapField()) {
      writeMap(message, field, out);
    } else if (field.isRepeated()) {
      out.append('[');
      int count = message.getRepeatedFieldCount(field);
      for (int i = 0; i < count; i++) {
        if (i > 0) {
          out.append(',');
        }
        writeValue(field, message.getRepeatedField(field, i), out);
      }
      out.append(']');
    } else if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE || field.hasPresence()) {
      if (message.hasField(field)) {
        writeValue(field, message.getField(field), out);
      } else {
        out.append("null");
      }
    } else {
      writeValue(field, message.getField(field), out);
    }
  }

  private static void writeMap(MessageOrBuilder message, FieldDescriptor field, StringBuilder out) {
    FieldDescriptor keyField = field.getMessageType().findFieldByNumber(1);
    FieldDescriptor valueField = field.getMessageType().findFieldByNumber(2);
    List<Message> entries = new ArrayList<>();
    int count = message.getRepeatedFieldCount(field);
    for (int i = 0; i < count; i++) {
      entries.add((Message) message.getRepeatedField(field, i));
    }
    entries.sort(Comparator.comparing(entry -> mapKey(keyField, entry), StructJson.GO_KEY_ORDER));
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Message entry = entries.get(i);
      writeString(mapKey(keyField, entry), out);
      out.append(':');
      Object value = entry instanceof MapEntry<?, ?> mapEntry ? mapEntry.getValue() : entry.getField(valueField);
      writeValue(valueField, value, out);
    }
    out.append('}');
  }

  private static String mapKey(FieldDescriptor keyField, Message entry) {
    Object key = entry instanceof MapEntry<?, ?> mapEntry ? mapEntry.getKey() : entry.getField(keyField);
    return scalarText(keyField, key);
  }

  private static void writeValue(FieldDescriptor field, Object value, StringBuilder out) {
    switch (field.getJavaType()) {
      case MESSAGE -> {
        Message nested = (Message) value;
        if (StructJson.isStructType(nested.getDescriptorForType())) {
          StructJson.write(nested, out);
        } else if (WrapperTypes.isWrapper(nested.getDescriptorForType())) {
          FieldDescriptor inner = nested.getDescriptorForType().findFieldByNumber(1);
          writeValue(inner, nested.getField(inner), out);
        } else {
          writeMessage(nested, out);
        }
      }
      case STRING -> writeString((String) value, out);
      case BYTE_STRING -> {
        ByteString bytes = (ByteString) value;
        if (bytes.isEmpty()) {
          out.append("null");
        } else {
          out.append('"').append(Base64.getEncoder().encodeToString(bytes.toByteArray())).append('"');
        }
      }
      case ENUM -> out.append(((com.google.protobuf.Descriptors.EnumValueDescriptor) value).getNumber());
      case FLOAT -> out.append(formatFloat(((Float) value).doubleValue(), true));
      case DOUBLE -> out.append(formatFloat((Double) value, false));
      default -> out.append(scalarText(field, value));
    }
  }

  private static String scalarText(FieldDescriptor field, Object value) {
    return switch (field.getType()) {
      case UINT32, FIXED32 -> Integer.toUnsignedString((Integer) value);
      case UINT64, FIXED64 -> Long.toUnsignedString((Long) value);
      default -> String.valueOf(value);
    };
  }

  /** Go formats floats as the shortest decimal, in exponent form only below 1e-6 or from 1e21 on. */
  static String formatFloat(double value, boolean single) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "null";
    }
    if (value == 0) {
      return 1 / value < 0 ? "-0" : "0";
    }
    String shortest = single ? Float.toString((float) value) : Double.toString(value);
    double abs = Math.abs(value);
    BigDecimal decimal = new BigDecimal(shortest);
    if (abs < 1e-6 || abs >= 1e21) {
      String plain = decimal.stripTrailingZeros().toString().replace("E", "e");
      int e = plain.indexOf('e');
      if (e >= 0 && plain.charAt(e + 1) != '-' && plain.charAt(e + 1) != '+') {
        plain = plain.substring(0, e + 1) + "+" + plain.substring(e + 1);
      }
      // strconv writes two exponent digits (1e-07), but encoding/json trims a negative one back to 1e-7;
      // positive exponents are always 21 or more here.
      return plain;
    }
    return decimal.stripTrailingZeros().toPlainString();
  }

  /** A JSON string as Go writes it: {@code <>&} and U+2028/U+2029 escaped, invalid UTF-16 replaced. */
  public static void writeString(String value, StringBuilder out) {
    out.append('"');
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        // Since Go 1.22 (the reference builds with 1.25); older Go wrote these two as six-character escapes.
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '<', '>', '&', '\u2028', '\u2029' -> unicodeEscape(c, out);
        default -> {
          if (c < 0x20) {
            unicodeEscape(c, out);
          } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
            out.append(c).append(value.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            out.append('\ufffd');
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF]).append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }
}
