package io.imflux.msg.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base64 JSON key of {@code /msg/send_simple_msg} (spec/api-msg.md §4.4). */
class SimpleMsgKeyTest {

  static String encode(String json) {
    return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static void argsError(Optional<String> key) {
    assertThatThrownBy(() -> SimpleMsgKey.parse(key))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.ARGS));
  }

  @Test
  void readsTheThreeIDs() {
    SimpleMsgKey key =
        SimpleMsgKey.parse(Optional.of(encode("{\"sendID\":\"u1\",\"recvID\":\"bot\",\"groupID\":\"\"}")));

    assertThat(key).isEqualTo(new SimpleMsgKey("u1", "bot", ""));
    assertThat(key.isGroup()).isFalse();
  }

  @Test
  void keysMatchIgnoringCaseAndMissingOrNullIDsAreEmpty() {
    SimpleMsgKey key = SimpleMsgKey.parse(Optional.of(encode("{\"SendID\":\"u1\",\"GROUPID\":\"g1\",\"recvID\":null,"
        + "\"other\":[1]}")));

    assertThat(key).isEqualTo(new SimpleMsgKey("u1", "", "g1"));
    assertThat(key.isGroup()).isTrue();
    assertThat(SimpleMsgKey.parse(Optional.of(encode("{}")))).isEqualTo(new SimpleMsgKey("", "", ""));
    assertThat(SimpleMsgKey.parse(Optional.of(encode("null")))).isEqualTo(new SimpleMsgKey("", "", ""));
  }

  @Test
  void aMissingKeyIsAnArgsError() {
    argsError(Optional.empty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64!", "eyJ9", "e30", ""})
  void invalidBase64OrJsonIsAnArgsError(String key) {
    argsError(Optional.of(key));
  }

  @Test
  void theIDsMustBeStringsInAJsonObject() {
    argsError(Optional.of(encode("[]")));
    argsError(Optional.of(encode("{\"sendID\":1}")));
    argsError(Optional.of(encode("{\"sendID\":\"a\"")));
  }
}
