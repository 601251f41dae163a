package io.imflux.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Golden values computed from the reference's definition: MD5 of Go's JSON array, first 8 bytes big-endian. */
class IdHashTest {

  @Test
  void anEmptyListHashesToZero() {
    assertThat(IdHash.of(List.of())).isZero();
  }

  @Test
  void theHashIsTheUnsignedPrefixOfTheMd5OfTheCompactJsonArray() {
    assertThat(Long.toUnsignedString(IdHash.of(List.of("a", "b")))).isEqualTo("16518927257079726733");
    assertThat(Long.toUnsignedString(IdHash.of(List.of("b", "a")))).isEqualTo("7882299105603966109");
  }

  @Test
  void htmlCharactersAreEscapedAndOtherUnicodeIsNot() {
    assertThat(Long.toUnsignedString(IdHash.of(List.of("x<y>&z")))).isEqualTo("14114976942536958290");
    assertThat(Long.toUnsignedString(IdHash.of(List.of("用户")))).isEqualTo("14693797707897875956");
  }
}
