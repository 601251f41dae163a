package io.imflux.api.json;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Struct;
import com.google.protobuf.TextFormat;
import io.imflux.proto.wrappers.StringValue;

/**
 * A message built at test time for the codec rules no shipped .proto exercises yet: two fields whose names differ
 * only in case, a {@code bytes} and a {@code uint64} field (as {@code content} and {@code idHash} of later
 * protocol messages), wrappers of both, a map with integer keys, and the {@code google.protobuf} JSON types
 * ({@code Struct}, {@code Value}, {@code ListValue}, as {@code content} of the send routes).
 */
final class Probe {

  static final Descriptor DESCRIPTOR = build();

  private Probe() {}

  static DynamicMessage empty() {
    return DynamicMessage.getDefaultInstance(DESCRIPTOR);
  }

  static DynamicMessage.Builder builder() {
    return DynamicMessage.newBuilder(DESCRIPTOR);
  }

  static FieldDescriptor field(String name) {
    FieldDescriptor field = DESCRIPTOR.findFieldByName(name);
    if (field == null) {
      throw new IllegalArgumentException(name);
    }
    return field;
  }

  private static Descriptor build() {
    String text = """
        name: "imflux/test/probe.proto"
        package: "imflux.test"
        syntax: "proto3"
        dependency: "openim/wrappers/wrappers.proto"
        dependency: "google/protobuf/struct.proto"
        message_type {
          name: "Probe"
          field { name: "userID" number: 1 label: LABEL_OPTIONAL type: TYPE_STRING }
          field { name: "UserID" number: 2 label: LABEL_OPTIONAL type: TYPE_STRING }
          field { name: "content" number: 3 label: LABEL_OPTIONAL type: TYPE_BYTES }
          field { name: "idHash" number: 4 label: LABEL_OPTIONAL type: TYPE_UINT64 }
          field { name: "chunks" number: 5 label: LABEL_REPEATED type: TYPE_BYTES }
          field { name: "byNumber" number: 6 label: LABEL_REPEATED type: TYPE_MESSAGE
                  type_name: ".imflux.test.Probe.ByNumberEntry" }
          field { name: "blob" number: 7 label: LABEL_OPTIONAL type: TYPE_MESSAGE
                  type_name: ".openim.protobuf.BytesValue" }
          field { name: "version" number: 8 label: LABEL_OPTIONAL type: TYPE_MESSAGE
                  type_name: ".openim.protobuf.UInt64Value" }
          field { name: "seqs" number: 9 label: LABEL_REPEATED type: TYPE_INT64 }
          field { name: "detail" number: 10 label: LABEL_OPTIONAL type: TYPE_MESSAGE
                  type_name: ".google.protobuf.Struct" }
          field { name: "anything" number: 11 label: LABEL_OPTIONAL type: TYPE_MESSAGE
                  type_name: ".google.protobuf.Value" }
          field { name: "items" number: 12 label: LABEL_OPTIONAL type: TYPE_MESSAGE
                  type_name: ".google.protobuf.ListValue" }
          field { name: "values" number: 13 label: LABEL_REPEATED type: TYPE_MESSAGE
                  type_name: ".google.protobuf.Value" }
          nested_type {
            name: "ByNumberEntry"
            field { name: "key" number: 1 label: LABEL_OPTIONAL type: TYPE_INT32 }
            field { name: "value" number: 2 label: LABEL_OPTIONAL type: TYPE_STRING }
            options { map_entry: true }
          }
        }
        """;
    try {
      FileDescriptorProto proto = TextFormat.parse(text, FileDescriptorProto.class);
      FileDescriptor file =
          FileDescriptor.buildFrom(proto,
              new FileDescriptor[] {StringValue.getDescriptor().getFile(), Struct.getDescriptor().getFile()});
      return file.findMessageTypeByName("Probe");
    } catch (TextFormat.ParseException | DescriptorValidationException e) {
      throw new IllegalStateException(e);
    }
  }
}
