package io.imflux.msg.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Struct;
import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.json.GoJsonReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The content each content type must carry over HTTP, after weak decoding (spec/api-msg.md §4.2). */
class ContentRulesTest {

  private static final String PIC = "{\"type\":\"png\",\"width\":10,\"height\":20,\"url\":\"http://p\"}";
  private static final String PICTURE =
      "{\"sourcePicture\":" + PIC + ",\"bigPicture\":" + PIC + ",\"snapshotPicture\":" + PIC + "}";
  private static final String SOUND = "{\"sourceUrl\":\"http://s\",\"duration\":3}";
  private static final String VIDEO = "{\"videoUrl\":\"http://v\",\"videoType\":\"mp4\",\"videoSize\":100,"
      + "\"duration\":5,\"snapshotUrl\":\"http://s\",\"snapshotWidth\":10,\"snapshotHeight\":10}";
  private static final String FILE = "{\"sourceUrl\":\"http://f\",\"fileName\":\"a.txt\",\"fileSize\":12}";
  private static final String OA = "{\"notificationName\":\"n\",\"notificationType\":1,\"text\":\"t\"}";

  private static Struct json(String text) {
    return GoJsonReader.read(text.getBytes(StandardCharsets.UTF_8), Struct.getDefaultInstance()).message();
  }

  private static void passes(int contentType, String content) {
    assertThatCode(() -> ContentRules.check(contentType, json(content))).doesNotThrowAnyException();
  }

  private static void fails(int contentType, String content, String detailPart) {
    assertThatThrownBy(() -> ContentRules.check(contentType, json(content)))
        .isInstanceOfSatisfying(ImError.class, e -> {
          assertThat(e.kind()).isEqualTo(ErrorKind.ARGS);
          assertThat(e.detail()).contains(detailPart);
        });
  }

  @Test
  void onlyTheListedContentTypesAreAccepted() {
    assertThat(List.of(101, 102, 103, 104, 105, 106, 110, 114, 118, 1400))
        .allSatisfy(type -> assertThat(ContentRules.accepts(type)).as("%d", type).isTrue());
    assertThat(List.of(107, 108, 109, 111, 112, 113, 115, 117, 119, 1201, 2001, 0))
        .allSatisfy(type -> assertThat(ContentRules.accepts(type)).as("%d", type).isFalse());
    fails(109, "{\"description\":\"d\",\"longitude\":1,\"latitude\":2}", "unsupported content type");
  }

  @Nested
  class Text {

    @Test
    void needsContent() {
      passes(101, "{\"content\":\"hi\",\"extra\":{\"any\":[1]}}");
      fails(101, "{}", "Key: 'TextElem.content' Error:Field validation for 'content' failed on the 'required' tag");
      fails(101, "{\"content\":\"\"}", "'required'");
      fails(101, "{\"content\":null}", "'required'");
    }

    @Test
    void keysMatchIgnoringCaseAndScalarsBecomeStrings() {
      passes(101, "{\"Content\":\"hi\"}");
      passes(101, "{\"content\":0}");
      passes(101, "{\"content\":false}");
      fails(101, "{\"content\":{}}",
          "'content' expected type 'string', got unconvertible type 'map[string]interface {}'");
      fails(101, "{\"content\":[\"a\"]}", "unconvertible type '[]interface {}'");
    }

    @Test
    void markdownNeedsContentToo() {
      passes(118, "{\"content\":\"# title\"}");
      fails(118, "{\"text\":\"x\"}", "MarkdownTextElem.content");
    }
  }

  @Nested
  class Picture {

    @Test
    void eachOfTheThreePicturesNeedsTypeSizeAndUrl() {
      passes(102, PICTURE);
      fails(102, "{\"sourcePicture\":" + PIC + ",\"bigPicture\":" + PIC + "}",
          "Key: 'PictureElem.snapshotPicture.type' Error:Field validation for 'type' failed on the 'required' tag");
      fails(102, PICTURE.replaceFirst("\"width\":10", "\"width\":0"), "PictureElem.sourcePicture.width");
      fails(102, PICTURE.replaceFirst("\"url\":\"http://p\"", "\"url\":\"\""), "PictureElem.sourcePicture.url");
    }

    @Test
    void numbersMayComeAsStringsAndFractionsAreTruncated() {
      passes(102, PICTURE.replace("\"width\":10", "\"width\":\"10\"").replace("\"height\":20", "\"height\":1.9"));
      fails(102, PICTURE.replaceFirst("\"height\":20", "\"height\":0.9"), "PictureElem.sourcePicture.height");
      fails(102, PICTURE.replaceFirst("\"width\":10", "\"width\":\"wide\""),
          "cannot parse 'sourcePicture.width' as int");
    }

    @Test
    void aPictureMustBeAnObject() {
      fails(102, PICTURE.replaceFirst("\"sourcePicture\":" + Pattern.quote(PIC),
          "\"sourcePicture\":\"x\""), "'sourcePicture' expected a map, got 'string'");
    }
  }

  @Nested
  class SoundVideoFile {

    @Test
    void soundNeedsAUrlAndADurationOfAtLeastOne() {
      passes(103, SOUND);
      fails(103, "{\"duration\":3}", "SoundElem.sourceUrl");
      fails(103, "{\"sourceUrl\":\"u\"}", "Field validation for 'duration' failed on the 'required' tag");
      fails(103, "{\"sourceUrl\":\"u\",\"duration\":-1}", "Field validation for 'duration' failed on the 'min' tag");
    }

    @Test
    void videoNeedsItsSevenFields() {
      passes(104, VIDEO);
      for (String key : new String[] {"videoUrl", "videoType", "videoSize", "duration", "snapshotUrl",
          "snapshotWidth", "snapshotHeight"}) {
        fails(104, VIDEO.replaceFirst("\"" + key + "\":[^,}]+", "\"" + key + "\":null"), "VideoElem." + key);
      }
    }

    @Test
    void fileNeedsUrlNameAndSize() {
      passes(105, FILE);
      fails(105, FILE.replace("\"fileSize\":12", "\"fileSize\":\"0\""), "FileElem.fileSize");
      fails(105, FILE.replace("\"fileName\":\"a.txt\"", "\"fileName\":\"\""), "FileElem.fileName");
    }

    @Test
    void allFailuresAreReportedTogether() {
      fails(105, "{}", "FileElem.sourceUrl");
      fails(105, "{}", "FileElem.fileName");
      fails(105, "{}", "FileElem.fileSize");
    }
  }

  @Nested
  class AtText {

    @Test
    void needsAnAtUserListOfAtMostAThousand() {
      passes(106, "{\"text\":\"@a hi\",\"atUserList\":[\"a\"],\"atUsersInfo\":[{\"atUserID\":\"a\"}],"
          + "\"isAtSelf\":false,\"quoteMessage\":{\"seq\":1}}");
      passes(106, "{\"atUserList\":[]}");
      passes(106, "{\"atUserList\":[" + String.join(",", Collections.nCopies(1000, "\"u\"")) + "]}");
      fails(106, "{\"atUserList\":[" + String.join(",", Collections.nCopies(1001, "\"u\"")) + "]}",
          "Field validation for 'atUserList' failed on the 'max' tag");
      fails(106, "{\"text\":\"x\"}", "Field validation for 'atUserList' failed on the 'required' tag");
      fails(106, "{\"atUserList\":null}", "'required'");
    }

    @Test
    void listElementsAndFlagsDecodeWeakly() {
      passes(106, "{\"atUserList\":\"single\"}");
      passes(106, "{\"atUserList\":[1,true]}");
      passes(106, "{\"atUserList\":{}}");
      passes(106, "{\"atUserList\":[],\"isAtSelf\":\"true\"}");
      fails(106, "{\"atUserList\":{\"a\":1}}", "source data must be an array or slice");
      fails(106, "{\"atUserList\":[{}]}", "'atUserList[0]' expected type 'string'");
      fails(106, "{\"atUserList\":[],\"isAtSelf\":\"maybe\"}", "cannot parse 'isAtSelf' as bool");
      fails(106, "{\"atUserList\":[],\"atUsersInfo\":[\"a\"]}", "'atUsersInfo[0]' expected a map");
      fails(106, "{\"atUserList\":[],\"quoteMessage\":\"m\"}", "'quoteMessage' expected a map");
    }
  }

  @Nested
  class CustomAndQuote {

    @Test
    void customNeedsData() {
      passes(110, "{\"data\":\"{\\\"a\\\":1}\",\"description\":\"d\"}");
      passes(110, "{\"data\":12}");
      fails(110, "{\"description\":\"d\"}", "CustomElem.data");
    }

    @Test
    void quoteNeedsNothingButItsKeysMustDecode() {
      passes(114, "{}");
      passes(114, "{\"text\":\"re\",\"quoteMessage\":{\"clientMsgID\":\"c\",\"seq\":3}}");
      fails(114, "{\"text\":{}}", "'text' expected type 'string'");
      fails(114, "{\"quoteMessage\":[1]}", "'quoteMessage' expected a map, got 'slice'");
    }
  }

  @Nested
  class OaNotification {

    @Test
    void needsNameTypeAndText() {
      passes(1400, OA);
      fails(1400, OA.replace("\"notificationName\":\"n\",", ""), "OANotificationElem.notificationName");
      fails(1400, OA.replace("\"notificationType\":1", "\"notificationType\":0"),
          "OANotificationElem.notificationType");
      fails(1400, OA.replace("\"text\":\"t\"", "\"text\":\"\""), "OANotificationElem.text");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void mixTypeIsZeroToFive(int mixType) {
      passes(1400, OA.replace("}", ",\"mixType\":" + mixType + "}"));
    }

    @Test
    void mixTypeOutsideZeroToFiveFails() {
      fails(1400, OA.replace("}", ",\"mixType\":6}"), "Field validation for 'mixType' failed on the 'max' tag");
      fails(1400, OA.replace("}", ",\"mixType\":-1}"), "Field validation for 'mixType' failed on the 'min' tag");
    }

    @Test
    void anAttachedElementMustPassItsOwnRules() {
      passes(1400, OA.replace("}", ",\"pictureElem\":" + PICTURE + ",\"soundElem\":" + SOUND + ",\"videoElem\":"
          + VIDEO + ",\"fileElem\":" + FILE + ",\"url\":\"http://u\",\"ex\":\"e\"}"));
      passes(1400, OA.replace("}", ",\"pictureElem\":null}"));
      fails(1400, OA.replace("}", ",\"fileElem\":{\"sourceUrl\":\"u\"}}"), "OANotificationElem.fileElem.fileName");
      fails(1400, OA.replace("}", ",\"soundElem\":{}}"), "OANotificationElem.soundElem.sourceUrl");
      fails(1400, OA.replace("}", ",\"videoElem\":5}"), "'videoElem' expected a map, got 'float64'");
    }

    @Test
    void aDecodingFailureWinsOverAnEarlierValidationFailure() {
      fails(1400, "{\"notificationType\":{}}", "'notificationType' expected type 'int32'");
    }
  }
}
