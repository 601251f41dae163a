package io.imflux.api.json;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ImError;
import java.math.BigInteger;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads request bodies the way Go's {@code encoding/json} fills the reference's structs (spec/common.md §1, §3):
 * keys matched exactly, else case-insensitively; unknown keys ignored; {@code null} means absent; integers must be
 * integral JSON numbers within the field's range (unsigned 64-bit included); wrappers are bare scalars; bytes are
 * base64; {@code google.protobuf.Struct}/{@code Value}/{@code ListValue} take any JSON ({@link StructJson}). Every
 * failure is an {@link ImError} of kind ARGS.
 */
public final class GoJsonReader {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Map<Descriptor, FieldIndex> INDEXES = new ConcurrentHashMap<>();

  private GoJsonReader() {}

  @SuppressWarnings("unchecked")
  public static <T extends Message> Decoded<T> read(byte[] json, T prototype) {
    Set<String> present = new HashSet<>();
    Message.Builder builder = prototype.newBuilderForType();
    try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), json)) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw ImError.args("unexpected end of JSON input");
      }
      if (token != JsonToken.VALUE_NULL && StructJson.isStructType(builder.getDescriptorForType())) {
        builder.mergeFrom(StructJson.read(parser, token, builder.getDescriptorForType(), "request body"));
      } else if (token == JsonToken.START_OBJECT) {
        readObject(parser, builder, present);
      } else if (token != JsonToken.VALUE_NULL) {
        throw mismatch(token, "request body", "object");
      }
      if (parser.nextToken() != null) {
        throw ImError.args("invalid character after top-level value");
      }
    } catch (JacksonException e) {
      throw ImError.args("invalid JSON: " + e.getOriginalMessage());
    }
    return new Decoded<>((T) builder.build(), present);
  }

  private static void readObject(JsonParser parser, Message.Builder builder, @Nullable Set<String> present) {
    FieldIndex index = INDEXES.computeIfAbsent(builder.getDescriptorForType(), FieldIndex::new);
    JsonToken token;
    while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
      FieldDescriptor field = index.find(parser.currentName());
      JsonToken value = parser.nextToken();
      if (field == null) {
        parser.skipChildren();
        continue;
      }
      if (value == JsonToken.VALUE_NULL) {
        // Go sets a null slice, map or pointer to nil and leaves a plain value as it was.
        if (field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE || field.hasPresence()) {
          builder.clearField(field);
        }
        if (present != null) {
          present.remove(field.getName());
        }
        continue;
      }
      if (present != null) {
        present.add(field.getName());
      }
      readField(parser, value, builder, field);
    }
    if (token != JsonToken.END_OBJECT) {
      throw ImError.args("unexpected token " + token);
    }
  }

  private static void readField(JsonParser parser, JsonToken token, Message.Builder builder, FieldDescriptor field) {
    if (field.isMapField()) {
      readMap(parser, token, builder, field);
    } else if (field.isRepeated()) {
      if (token != JsonToken.START_ARRAY) {
        throw mismatch(token, field.getName(), "array");
      }
      builder.clearField(field);
      JsonToken element;
      while ((element = parser.nextToken()) != JsonToken.END_ARRAY) {
        builder.addRepeatedField(field, element == JsonToken.VALUE_NULL
            ? zeroValue(field) : readValue(parser, element, builder, field));
      }
    } else {
      builder.setField(field, readValue(parser, token, builder, field));
    }
  }

  private static void readMap(JsonParser parser, JsonToken token, Message.Builder builder, FieldDescriptor field) {
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(token, field.getName(), "object");
    }
    Descriptor entryType = field.getMessageType();
    FieldDescriptor keyField = entryType.findFieldByNumber(1);
    FieldDescriptor valueField = entryType.findFieldByNumber(2);
    Map<Object, Message> entries = new HashMap<>();
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      Object key = parseMapKey(parser.currentName(), keyField);
      JsonToken valueToken = parser.nextToken();
      Message.Builder entry = builder.newBuilderForField(field);
      entry.setField(keyField, key);
      if (valueToken != JsonToken.VALUE_NULL) {
        entry.setField(valueField, readValue(parser, valueToken, entry, valueField));
      }
      entries.put(key, entry.build());
    }
    // Go decodes into the existing map: later keys replace earlier ones.
    for (int i = 0; i < builder.getRepeatedFieldCount(field); i++) {
      Message existing = (Message) builder.getRepeatedField(field, i);
      entries.putIfAbsent(existing.getField(keyField), existing);
    }
    builder.clearField(field);
    entries.values().forEach(entry -> builder.addRepeatedField(field, entry));
  }

  private static Object parseMapKey(String key, FieldDescriptor keyField) {
    if (keyField.getJavaType() == FieldDescriptor.JavaType.STRING) {
      return key;
    }
    try {
      return switch (keyField.getType()) {
        case INT32, SINT32, SFIXED32 -> Integer.parseInt(key);
        case UINT32, FIXED32 -> Integer.parseUnsignedInt(key);
        case INT64, SINT64, SFIXED64 -> Long.parseLong(key);
        case UINT64, FIXED64 -> Long.parseUnsignedLong(key);
        case BOOL -> switch (key) {
          case "true" -> true;
          case "false" -> false;
          default -> throw ImError.args("invalid map key " + key);
        };
        default -> throw ImError.args("unsupported map key type");
      };
    } catch (NumberFormatException e) {
      throw ImError.args("invalid map key " + key);
    }
  }

  private static Object readValue(JsonParser parser, JsonToken token, Message.Builder parent, FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case MESSAGE -> readMessage(parser, token, parent, field);
      case STRING -> {
        if (token != JsonToken.VALUE_STRING) {
          throw mismatch(token, field.getName(), "string");
        }
        yield parser.getString();
      }
      case BOOLEAN -> {
        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
          throw mismatch(token, field.getName(), "bool");
        }
        yield token == JsonToken.VALUE_TRUE;
      }
      case BYTE_STRING -> {
        if (token != JsonToken.VALUE_STRING) {
          throw mismatch(token, field.getName(), "[]byte");
        }
        yield decodeBase64(parser.getString(), field);
      }
      case FLOAT, DOUBLE -> {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
          throw mismatch(token, field.getName(), "number");
        }
        double value = parser.getDoubleValue();
        yield field.getJavaType() == FieldDescriptor.JavaType.FLOAT ? (Object) (float) value : (Object) value;
      }
      case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(
          (int) readInteger(parser, token, field, Integer.MIN_VALUE, Integer.MAX_VALUE));
      case INT -> switch (field.getType()) {
        case UINT32, FIXED32 -> (int) readInteger(parser, token, field, 0, 0xFFFF_FFFFL);
        default -> (int) readInteger(parser, token, field, Integer.MIN_VALUE, Integer.MAX_VALUE);
      };
      case LONG -> switch (field.getType()) {
        case UINT64, FIXED64 -> readUnsigned64(parser, token, field);
        default -> readInteger(parser, token, field, Long.MIN_VALUE, Long.MAX_VALUE);
      };
    };
  }

  /**
   * The element Go stores for a {@code null} in a list of scalars: the type's zero value. A {@code null} in a list
   * of messages would be a nil pointer the reference's handlers dereference, so it is refused.
   */
  private static Object zeroValue(FieldDescriptor field) {
    return switch (field.getJavaType()) {
      case INT -> 0;
      case LONG -> 0L;
      case FLOAT -> 0f;
      case DOUBLE -> 0d;
      case BOOLEAN -> false;
      case STRING -> "";
      case BYTE_STRING -> ByteString.EMPTY;
      case ENUM -> field.getEnumType().findValueByNumberCreatingIfUnknown(0);
      case MESSAGE -> {
        if (field.getMessageType() == Value.getDescriptor()) {
          yield StructJson.nullValue();
        }
        throw ImError.args(field.getName() + " has a null element");
      }
    };
  }

  /**
   * Go's {@code base64.StdEncoding}: the standard alphabet with padding, line breaks ignored, anything else an
   * error (the JDK's MIME decoder would silently skip foreign characters, its basic one accepts missing padding).
   */
  private static ByteString decodeBase64(String text, FieldDescriptor field) {
    String compact = text.indexOf('\r') < 0 && text.indexOf('\n') < 0
        ? text : text.replace("\r", "").replace("\n", "");
    if (compact.length() % 4 != 0) {
      throw ImError.args("illegal base64 data in " + field.getName());
    }
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(compact));
    } catch (IllegalArgumentException e) {
      throw ImError.args("illegal base64 data in " + field.getName());
    }
  }

  private static Message readMessage(JsonParser parser, JsonToken token, Message.Builder parent, FieldDescriptor field) {
    if (StructJson.isStructType(field.getMessageType())) {
      Message value = StructJson.read(parser, token, field.getMessageType(), field.getName());
      // Go decodes an object into the map it already holds, so a repeated key merges; any other value replaces.
      if (value instanceof Struct && !field.isRepeated() && parent.hasField(field)) {
        return ((Message) parent.getField(field)).toBuilder().mergeFrom(value).build();
      }
      return value;
    }
    Message.Builder nested = parent.newBuilderForField(field);
    if (WrapperTypes.isWrapper(field.getMessageType())) {
      FieldDescriptor inner = field.getMessageType().findFieldByNumber(1);
      nested.setField(inner, readValue(parser, token, nested, inner));
      return nested.build();
    }
    if (token != JsonToken.START_OBJECT) {
      throw mismatch(token, field.getName(), "object");
    }
    if (!field.isRepeated() && parent.hasField(field)) {
      nested.mergeFrom((Message) parent.getField(field));
    }
    readObject(parser, nested, null);
    return nested.build();
  }

  private static long readInteger(JsonParser parser, JsonToken token, FieldDescriptor field, long min, long max) {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(token, field.getName(), typeName(field));
    }
    JsonParser.NumberType type = parser.getNumberType();
    if (type == JsonParser.NumberType.BIG_INTEGER) {
      throw outOfRange(parser, field);
    }
    long value = parser.getLongValue();
    if (value < min || value > max) {
      throw outOfRange(parser, field);
    }
    return value;
  }

  private static long readUnsigned64(JsonParser parser, JsonToken token, FieldDescriptor field) {
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw mismatch(token, field.getName(), typeName(field));
    }
    BigInteger value = parser.getBigIntegerValue();
    if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
      throw outOfRange(parser, field);
    }
    return value.longValue();
  }

  private static ImError outOfRange(JsonParser parser, FieldDescriptor field) {
    return ImError.args("json: cannot unmarshal number " + parser.getText() + " into field " + field.getName()
        + " of type " + typeName(field));
  }

  static ImError mismatch(JsonToken token, String where, String expected) {
    return ImError.args("json: cannot unmarshal " + jsonTypeName(token) + " into " + where + " of type " + expected);
  }

  private static String jsonTypeName(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "bool";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String typeName(FieldDescriptor field) {
    return switch (field.getType()) {
      case INT32, SINT32, SFIXED32, ENUM -> "int32";
      case UINT32, FIXED32 -> "uint32";
      case INT64, SINT64, SFIXED64 -> "int64";
      case UINT64, FIXED64 -> "uint64";
      default -> field.getType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Go's key matching: an exact name wins, otherwise the first field whose name matches ignoring case. */
  private static final class FieldIndex {
    private final Map<String, FieldDescriptor> exact = new HashMap<>();
    private final Map<String, FieldDescriptor> folded = new HashMap<>();

    FieldIndex(Descriptor descriptor) {
      for (FieldDescriptor field : descriptor.getFields()) {
        exact.put(field.getName(), field);
        folded.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field);
      }
    }

    @Nullable FieldDescriptor find(String key) {
      FieldDescriptor field = exact.get(key);
      return field != null ? field : folded.get(key.toLowerCase(Locale.ROOT));
    }
  }
}
