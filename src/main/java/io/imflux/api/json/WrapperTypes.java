package io.imflux.api.json;

import com.google.protobuf.Descriptors.Descriptor;

/** The OpenIM (and Google) wrapper messages, which Go JSON writes and reads as bare scalars. */
final class WrapperTypes {

  private WrapperTypes() {}

  static boolean isWrapper(Descriptor descriptor) {
    String name = descriptor.getFullName();
    return (name.startsWith("openim.protobuf.") || name.startsWith("google.protobuf."))
        && name.endsWith("Value")
        && descriptor.getFields().size() == 1
        && descriptor.getFields().get(0).getName().equals("value");
  }
}
