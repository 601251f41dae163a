package io.imflux.gateway.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A flat struct as gob describes it (spec/gateway.md §7.5-§7.6): its name, its fields' names and built-in type IDs,
 * and the type-definition message an encoder sends first in every frame, under type ID 65 as the Go peers do.
 */
final class GobStruct {

  static final int BOOL = 1;
  static final int INT = 2;
  static final int UINT = 3;
  static final int FLOAT = 4;
  static final int BYTES = 5;
  static final int STRING = 6;
  /** The first user type ID, and the one both Go peers use for their only struct. */
  static final int TYPE_ID = 65;
  static final int FIRST_USER_TYPE_ID = 64;

  /** Field indexes inside gob's own wireType, structType, CommonType and fieldType. */
  private static final int WIRE_STRUCT_T = 2;

  final String name;
  final int typeId;
  final String[] fieldNames;
  final int[] fieldTypes;
  final byte[][] fieldNameBytes;
  /** The length-prefixed type-definition message. */
  final byte[] definition;

  GobStruct(String name, String[] fieldNames, int[] fieldTypes) {
    this(name, fieldNames, fieldTypes, TYPE_ID);
  }

  /** A struct declared under another type ID: how a decoder is shown not to assume 65. */
  GobStruct(String name, String[] fieldNames, int[] fieldTypes, int typeId) {
    this.name = name;
    this.typeId = typeId;
    this.fieldNames = fieldNames.clone();
    this.fieldTypes = fieldTypes.clone();
    this.fieldNameBytes = new byte[fieldNames.length][];
    for (int i = 0; i < fieldNames.length; i++) {
      fieldNameBytes[i] = fieldNames[i].getBytes(StandardCharsets.UTF_8);
    }
    this.definition = definition();
  }

  int fieldCount() {
    return fieldNames.length;
  }

  /** The field whose name is the byte run, or -1: decoders match fields by exact name. */
  int fieldNamed(byte[] bytes, int offset, int length) {
    for (int i = 0; i < fieldNameBytes.length; i++) {
      if (Arrays.equals(fieldNameBytes[i], 0, fieldNameBytes[i].length, bytes, offset, offset + length)) {
        return i;
      }
    }
    return -1;
  }

  private byte[] definition() {
    Scratch payload = new Scratch();
    GobWriter.writeInt(payload, -typeId);
    GobWriter.writeUint(payload, WIRE_STRUCT_T + 1);  // wireType: field -1 -> StructT
    GobWriter.writeUint(payload, 1);                   // structType: -> CommonType
    GobWriter.writeUint(payload, 1);                   //   CommonType.Name
    GobWriter.writeString(payload, name);
    GobWriter.writeUint(payload, 1);                   //   CommonType.Id
    GobWriter.writeInt(payload, typeId);
    payload.put((byte) 0);                             //   end CommonType
    GobWriter.writeUint(payload, 1);                   // structType: -> Field
    GobWriter.writeUint(payload, fieldNames.length);
    for (int i = 0; i < fieldNames.length; i++) {
      GobWriter.writeUint(payload, 1);                 //   fieldType.Name
      GobWriter.writeString(payload, fieldNames[i]);
      GobWriter.writeUint(payload, 1);                 //   fieldType.Id
      GobWriter.writeInt(payload, fieldTypes[i]);
      payload.put((byte) 0);
    }
    payload.put((byte) 0);                             // end structType
    payload.put((byte) 0);                             // end wireType
    Scratch message = new Scratch();
    GobWriter.writeUint(message, payload.length);
    message.put(payload.bytes, 0, payload.length);
    return message.toArray();
  }

  /** The layout a peer declared for its struct, mapped onto this one's fields by name. */
  static final class Layout {

    final int typeId;
    /** Per wire field: this struct's field index, or -1 when this struct has no field of that name. */
    final int[] targets;
    final int[] types;

    Layout(int typeId, int[] targets, int[] types) {
      this.typeId = typeId;
      this.targets = targets;
      this.types = types;
    }
  }

  /**
   * Reads a type-definition payload (after its negative type ID) declaring {@code typeId} as a struct of built-in
   * field types (spec/gateway.md §7.6, §7.10).
   */
  Layout readDefinition(GobReader in, int typeId) {
    if (typeId < FIRST_USER_TYPE_ID) {
      throw new CodecException("gob: type id " + typeId + " is below the first user type id");
    }
    Layout layout = null;
    int wireField = -1;
    for (int delta; (delta = in.readSmall("field delta")) != 0; ) {
      wireField += delta;
      if (wireField != WIRE_STRUCT_T) {
        throw new CodecException("gob: only struct type definitions are supported");
      }
      layout = readStructType(in, typeId);
    }
    if (layout == null) {
      throw new CodecException("gob: type definition without a struct");
    }
    return layout;
  }

  private Layout readStructType(GobReader in, int typeId) {
    int[] targets = new int[0];
    int[] types = new int[0];
    int field = -1;
    for (int delta; (delta = in.readSmall("field delta")) != 0; ) {
      field += delta;
      switch (field) {
        case 0 -> skipCommonType(in);
        case 1 -> {
          int count = in.readSmall("field count");
          if (count > 1024) {
            throw new CodecException("gob: struct with " + count + " fields");
          }
          targets = new int[count];
          types = new int[count];
          for (int i = 0; i < count; i++) {
            readFieldType(in, i, targets, types);
          }
        }
        default -> throw new CodecException("gob: unknown structType field " + field);
      }
    }
    return new Layout(typeId, targets, types);
  }

  private static void skipCommonType(GobReader in) {
    int field = -1;
    for (int delta; (delta = in.readSmall("field delta")) != 0; ) {
      field += delta;
      switch (field) {
        case 0 -> in.readRun();
        case 1 -> in.readInt();
        default -> throw new CodecException("gob: unknown CommonType field " + field);
      }
    }
  }

  private void readFieldType(GobReader in, int index, int[] targets, int[] types) {
    targets[index] = -1;
    int field = -1;
    for (int delta; (delta = in.readSmall("field delta")) != 0; ) {
      field += delta;
      switch (field) {
        case 0 -> {
          int start = in.readRun();
          targets[index] = fieldNamed(in.bytes(), start, in.runLength);
        }
        case 1 -> {
          long type = in.readInt();
          if (type < BOOL || type > STRING) {
            throw new CodecException("gob: unsupported field type id " + type);
          }
          types[index] = (int) type;
        }
        default -> throw new CodecException("gob: unknown fieldType field " + field);
      }
    }
    if (types[index] == 0) {
      throw new CodecException("gob: field without a type");
    }
    if (targets[index] >= 0 && fieldTypes[targets[index]] != types[index]) {
      throw new CodecException("gob: type mismatch for field " + fieldNames[targets[index]]);
    }
  }
}
