package io.imflux.msg.send;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.imflux.api.ImError;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The content element each content type accepted over HTTP must carry (spec/api-msg.md §4.2): the reference's
 * content structs and their validation tags, applied to the request's {@code content} after weak decoding
 * ({@link WeakValues}). Keys not listed pass through unchecked; so does the original object, which is what gets
 * stored.
 */
final class ContentRules {

  private enum Kind { STRING, INT32, INT64, BOOL, STRING_LIST, OBJECT, OPTIONAL_OBJECT, OBJECT_LIST }

  /** A field of a content struct: how it decodes and its validation tags ({@code required}, {@code min}, ...). */
  private record Field(String key, Kind kind, boolean mandatory, @Nullable Long min, @Nullable Long max,
      @Nullable Element element) {

    Field required() {
      return new Field(key, kind, true, min, max, element);
    }

    Field min(long bound) {
      return new Field(key, kind, mandatory, bound, max, element);
    }

    Field max(long bound) {
      return new Field(key, kind, mandatory, min, bound, element);
    }
  }

  /** A content struct: its Go name (used in validator messages) and fields. */
  private record Element(String name, List<Field> fields) {}

  private static final Element PICTURE_BASE_INFO = element("PictureBaseInfo", string("uuid"),
      string("type").required(), int64("size"), int32("width").required(), int32("height").required(),
      string("url").required());
  private static final Element PICTURE = element("PictureElem", string("sourcePath"),
      object("sourcePicture", PICTURE_BASE_INFO), object("bigPicture", PICTURE_BASE_INFO),
      object("snapshotPicture", PICTURE_BASE_INFO));
  private static final Element SOUND = element("SoundElem", string("uuid"), string("soundPath"),
      string("sourceUrl").required(), int64("dataSize"), int64("duration").required().min(1));
  private static final Element VIDEO = element("VideoElem", string("videoPath"), string("videoUUID"),
      string("videoUrl").required(), string("videoType").required(), int64("videoSize").required(),
      int64("duration").required(), string("snapshotPath"), string("snapshotUUID"), int64("snapshotSize"),
      string("snapshotUrl").required(), int32("snapshotWidth").required(), int32("snapshotHeight").required());
  private static final Element FILE = element("FileElem", string("filePath"), string("uuid"),
      string("sourceUrl").required(), string("fileName").required(), int64("fileSize").required());
  /** A quoted message: an object whose keys the server does not check. */
  private static final Element MESSAGE = element("MsgStruct");
  private static final Element AT_INFO = element("AtInfo", string("atUserID"), string("groupNickname"));

  private static final Map<Integer, Element> BY_CONTENT_TYPE = Map.of(
      ContentTypes.TEXT, element("TextElem", string("content").required()),
      ContentTypes.PICTURE, PICTURE,
      ContentTypes.VOICE, SOUND,
      ContentTypes.VIDEO, VIDEO,
      ContentTypes.FILE, FILE,
      ContentTypes.AT_TEXT, element("AtElem", string("text"), stringList("atUserList").required().max(1000),
          objectList("atUsersInfo", AT_INFO), optionalObject("quoteMessage", MESSAGE), bool("isAtSelf")),
      ContentTypes.CUSTOM, element("CustomElem", string("data").required(), string("description"),
          string("extension")),
      ContentTypes.QUOTE, element("QuoteElem", string("text"), optionalObject("quoteMessage", MESSAGE)),
      ContentTypes.MARKDOWN_TEXT, element("MarkdownTextElem", string("content").required()),
      ContentTypes.OA_NOTIFICATION, element("OANotificationElem", string("notificationName").required(),
          string("notificationFaceURL"), int32("notificationType").required(), string("text").required(),
          string("url"), int32("mixType").min(0).max(5), optionalObject("pictureElem", PICTURE),
          optionalObject("soundElem", SOUND), optionalObject("videoElem", VIDEO),
          optionalObject("fileElem", FILE), string("ex")));

  private ContentRules() {}

  /** Whether HTTP senders may send this content type (server numbers); the others get 1001. */
  static boolean accepts(int contentType) {
    return BY_CONTENT_TYPE.containsKey(contentType);
  }

  /** Fails with 1001 unless {@code content} decodes into the content type's struct and passes its rules. */
  static void check(int contentType, Struct content) {
    Element element = BY_CONTENT_TYPE.get(contentType);
    if (element == null) {
      throw ImError.args("unsupported content type");
    }
    List<String> failures = new ArrayList<>();
    checkObject(element, content, "", element.name(), failures);
    if (!failures.isEmpty()) {
      throw ImError.args("validate error: " + String.join("\n", failures));
    }
  }

  /**
   * Decodes every field (a decoding failure is thrown at once, as the reference decodes before it validates) and
   * collects the validation failures.
   */
  private static void checkObject(Element element, Struct object, String path, String namespace,
      List<String> failures) {
    for (Field field : element.fields()) {
      Value value = WeakValues.find(object, field.key()).orElse(Value.getDefaultInstance());
      String fieldPath = path.isEmpty() ? field.key() : path + "." + field.key();
      String fieldNamespace = namespace + "." + field.key();
      Optional<String> failedTag = switch (field.kind()) {
        case STRING -> stringTag(field, WeakValues.string(value, fieldPath));
        case INT32 -> numberTag(field, WeakValues.integer(value, 32, fieldPath));
        case INT64 -> numberTag(field, WeakValues.integer(value, 64, fieldPath));
        case BOOL -> {
          WeakValues.bool(value, fieldPath);
          yield Optional.empty();
        }
        case STRING_LIST -> listTag(field, WeakValues.stringList(value, fieldPath));
        case OBJECT -> {
          checkObject(field.element(), WeakValues.object(value, fieldPath), fieldPath, fieldNamespace, failures);
          yield Optional.empty();
        }
        case OPTIONAL_OBJECT -> {
          if (!isNull(value)) {
            checkObject(field.element(), WeakValues.object(value, fieldPath), fieldPath, fieldNamespace, failures);
          }
          yield Optional.empty();
        }
        case OBJECT_LIST -> {
          decodeObjects(field.element(), value, fieldPath);
          yield Optional.empty();
        }
      };
      failedTag.ifPresent(tag -> failures.add("Key: '" + fieldNamespace + "' Error:Field validation for '"
          + field.key() + "' failed on the '" + tag + "' tag"));
    }
  }

  /** A list of struct pointers: decoded, but the validator does not look inside lists. */
  private static void decodeObjects(Element element, Value value, String path) {
    List<Value> elements = WeakValues.list(value, path).orElse(List.of());
    for (int i = 0; i < elements.size(); i++) {
      if (!isNull(elements.get(i))) {
        String elementPath = path + "[" + i + "]";
        checkObject(element, WeakValues.object(elements.get(i), elementPath), elementPath, element.name(),
            new ArrayList<>());
      }
    }
  }

  private static Optional<String> stringTag(Field field, String value) {
    return field.mandatory() && value.isEmpty() ? Optional.of("required") : Optional.empty();
  }

  private static Optional<String> numberTag(Field field, long value) {
    if (field.mandatory() && value == 0) {
      return Optional.of("required");
    }
    if (field.min() != null && value < field.min()) {
      return Optional.of("min");
    }
    if (field.max() != null && value > field.max()) {
      return Optional.of("max");
    }
    return Optional.empty();
  }

  private static Optional<String> listTag(Field field, Optional<List<String>> value) {
    if (field.mandatory() && value.isEmpty()) {
      return Optional.of("required");
    }
    if (field.max() != null && value.map(List::size).orElse(0) > field.max()) {
      return Optional.of("max");
    }
    return Optional.empty();
  }

  private static boolean isNull(Value value) {
    return value.getKindCase() == Value.KindCase.NULL_VALUE || value.getKindCase() == Value.KindCase.KIND_NOT_SET;
  }

  private static Element element(String name, Field... fields) {
    return new Element(name, List.of(fields));
  }

  private static Field string(String key) {
    return new Field(key, Kind.STRING, false, null, null, null);
  }

  private static Field int32(String key) {
    return new Field(key, Kind.INT32, false, null, null, null);
  }

  private static Field int64(String key) {
    return new Field(key, Kind.INT64, false, null, null, null);
  }

  private static Field bool(String key) {
    return new Field(key, Kind.BOOL, false, null, null, null);
  }

  private static Field stringList(String key) {
    return new Field(key, Kind.STRING_LIST, false, null, null, null);
  }

  private static Field object(String key, Element element) {
    return new Field(key, Kind.OBJECT, false, null, null, element);
  }

  private static Field optionalObject(String key, Element element) {
    return new Field(key, Kind.OPTIONAL_OBJECT, false, null, null, element);
  }

  private static Field objectList(String key, Element element) {
    return new Field(key, Kind.OBJECT_LIST, false, null, null, element);
  }
}
