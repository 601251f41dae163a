package io.imflux.api.json;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.ListValue;
import com.google.protobuf.Message;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ImError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * {@code google.protobuf.Struct}, {@code Value} and {@code ListValue} as the plain JSON that Go keeps in a
 * {@code map[string]any}, {@code any} and {@code []any}: on input any JSON (numbers become float64, keys stay
 * case-sensitive, a repeated key replaces the earlier one); on output objects with keys in byte order and numbers
 * as Go prints a float64 (spec/api-msg.md §4.1, "content").
 */
final class StructJson {

  /** Go sorts map keys as byte strings; comparing code points gives the same order as comparing UTF-8 bytes. */
  static final Comparator<String> GO_KEY_ORDER = StructJson::compareCodePoints;

  private StructJson() {}

  static boolean isStructType(Descriptor descriptor) {
    return descriptor == Struct.getDescriptor() || descriptor == Value.getDescriptor()
        || descriptor == ListValue.getDescriptor();
  }

  /** The JSON value starting at {@code token} as a message of {@code type}, which {@link #isStructType} accepts. */
  static Message read(JsonParser parser, JsonToken token, Descriptor type, String where) {
    if (type == Struct.getDescriptor()) {
      if (token != JsonToken.START_OBJECT) {
        throw GoJsonReader.mismatch(token, where, "map[string]interface {}");
      }
      return readStruct(parser);
    }
    if (type == ListValue.getDescriptor()) {
      if (token != JsonToken.START_ARRAY) {
        throw GoJsonReader.mismatch(token, where, "[]interface {}");
      }
      return readList(parser);
    }
    return readValue(parser, token, where);
  }

  private static Struct readStruct(JsonParser parser) {
    Struct.Builder struct = Struct.newBuilder();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      struct.putFields(key, readValue(parser, parser.nextToken(), key));
    }
    return struct.build();
  }

  private static ListValue readList(JsonParser parser) {
    ListValue.Builder list = ListValue.newBuilder();
    JsonToken element;
    while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
      list.addValues(readValue(parser, element, "array element"));
    }
    return list.build();
  }

  private static Value readValue(JsonParser parser, JsonToken token, String where) {
    return switch (token) {
      case START_OBJECT -> Value.newBuilder().setStructValue(readStruct(parser)).build();
      case START_ARRAY -> Value.newBuilder().setListValue(readList(parser)).build();
      case VALUE_STRING -> Value.newBuilder().setStringValue(parser.getString()).build();
      case VALUE_TRUE, VALUE_FALSE -> Value.newBuilder().setBoolValue(token == JsonToken.VALUE_TRUE).build();
      case VALUE_NULL -> nullValue();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        // From the literal, as Go's ParseFloat reads it: "-0" stays negative zero, rounding is to nearest.
        double number = Double.parseDouble(parser.getText());
        if (Double.isInfinite(number)) {
          throw ImError.args("json: cannot unmarshal number " + parser.getText() + " into " + where
              + " of type float64");
        }
        yield Value.newBuilder().setNumberValue(number).build();
      }
      default -> throw ImError.args("unexpected token " + token);
    };
  }

  static Value nullValue() {
    return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
  }

  static void write(Message message, StringBuilder out) {
    if (message instanceof Struct struct) {
      writeStruct(struct, out);
    } else if (message instanceof ListValue list) {
      writeList(list, out);
    } else if (message instanceof Value value) {
      writeValue(value, out);
    } else {
      // A DynamicMessage of one of the three types (from a descriptor built at run time).
      write(parseAs(message), out);
    }
  }

  private static Message parseAs(Message message) {
    Descriptor type = message.getDescriptorForType();
    try {
      if (type.getFullName().equals(Struct.getDescriptor().getFullName())) {
        return Struct.parseFrom(message.toByteString());
      }
      if (type.getFullName().equals(ListValue.getDescriptor().getFullName())) {
        return ListValue.parseFrom(message.toByteString());
      }
      return Value.parseFrom(message.toByteString());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void writeStruct(Struct struct, StringBuilder out) {
    List<Map.Entry<String, Value>> entries = new ArrayList<>(struct.getFieldsMap().entrySet());
    entries.sort(Map.Entry.comparingByKey(GO_KEY_ORDER));
    out.append('{');
    for (int i = 0; i < entries.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      GoJsonWriter.writeString(entries.get(i).getKey(), out);
      out.append(':');
      writeValue(entries.get(i).getValue(), out);
    }
    out.append('}');
  }

  private static void writeList(ListValue list, StringBuilder out) {
    out.append('[');
    for (int i = 0; i < list.getValuesCount(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeValue(list.getValues(i), out);
    }
    out.append(']');
  }

  private static void writeValue(Value value, StringBuilder out) {
    switch (value.getKindCase()) {
      case STRUCT_VALUE -> writeStruct(value.getStructValue(), out);
      case LIST_VALUE -> writeList(value.getListValue(), out);
      case STRING_VALUE -> GoJsonWriter.writeString(value.getStringValue(), out);
      case BOOL_VALUE -> out.append(value.getBoolValue());
      case NUMBER_VALUE -> out.append(GoJsonWriter.formatFloat(value.getNumberValue(), false));
      case NULL_VALUE, KIND_NOT_SET -> out.append("null");
    }
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
