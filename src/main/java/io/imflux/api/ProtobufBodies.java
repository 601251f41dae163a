package io.imflux.api;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.imflux.api.json.Decoded;
import java.util.HashSet;
import java.util.Set;

/** Binary protobuf request bodies (the {@code /jssdk/*} protobuf mode), decoded as JSON bodies are. */
final class ProtobufBodies {

  private ProtobufBodies() {}

  /** The message, with every field that carries a value counted as present; bytes that do not parse are 1001. */
  @SuppressWarnings("unchecked")
  static <T extends Message> Decoded<T> read(byte[] bytes, T prototype) {
    T message;
    try {
      message = (T) prototype.getParserForType().parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw ImError.args("protobuf body does not parse: " + e.getMessage());
    }
    Set<String> present = new HashSet<>();
    for (FieldDescriptor field : message.getAllFields().keySet()) {
      present.add(field.getName());
    }
    return new Decoded<>(message, present);
  }
}
