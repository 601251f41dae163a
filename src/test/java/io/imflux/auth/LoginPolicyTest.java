package io.imflux.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.imflux.api.ErrorKind;
import io.imflux.api.ImError;
import io.imflux.api.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoginPolicyTest {

  private static Map<Platform, List<String>> tokens(Object... platformAndTokens) {
    Map<Platform, List<String>> map = new EnumMap<>(Platform.class);
    for (int i = 0; i < platformAndTokens.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> list = (List<String>) platformAndTokens[i + 1];
      map.put((Platform) platformAndTokens[i], list);
    }
    return map;
  }

  @Test
  void onePerPlatformKicksAllOfTheTargetPlatformAndAllButNewestElsewhere() {
    var existing = tokens(Platform.ANDROID, List.of("a1", "a2"), Platform.WINDOWS, List.of("w1", "w2", "w3"));

    var kicked = LoginPolicy.kicks(LoginPolicy.ONE_PER_PLATFORM, 30, existing, Platform.ANDROID);

    assertThat(kicked).containsOnly(
        Map.entry(Platform.ANDROID, List.of("a1", "a2")),
        Map.entry(Platform.WINDOWS, List.of("w1", "w2")));
  }

  @Test
  void keepUpToMaxKicksTheOldestBeyondTheLimitCountingTheNewToken() {
    var existing = tokens(Platform.ANDROID, List.of("a1", "a2", "a3"), Platform.IOS, List.of("i1", "i2", "i3"));

    var kicked = LoginPolicy.kicks(LoginPolicy.KEEP_UP_TO_MAX, 3, existing, Platform.ANDROID);

    assertThat(kicked).containsOnly(Map.entry(Platform.ANDROID, List.of("a1")));
  }

  @Test
  void onePerClassKicksTheTargetClassAndKeepsOneTokenOfEveryOtherClass() {
    var existing = tokens(
        Platform.IOS, List.of("i1"),
        Platform.WINDOWS, List.of("w1", "w2"),
        Platform.OSX, List.of("m1"),
        Platform.ANDROID, List.of("a1"));

    var kicked = LoginPolicy.kicks(LoginPolicy.ONE_PER_CLASS, 30, existing, Platform.ANDROID);

    assertThat(kicked.get(Platform.IOS)).containsExactly("i1");
    assertThat(kicked.get(Platform.ANDROID)).containsExactly("a1");
    assertThat(kicked.get(Platform.WINDOWS)).containsExactly("w1");
    assertThat(kicked.get(Platform.OSX)).containsExactly("m1");
  }

  @Test
  void pcAndOtherNeverKicksPcAndKicksEveryOtherTokenForANonPcLogin() {
    var existing = tokens(Platform.WINDOWS, List.of("w1", "w2"), Platform.IOS, List.of("i1"),
        Platform.WEB, List.of("b1"));

    var kicked = LoginPolicy.kicks(LoginPolicy.PC_AND_ONE_OTHER, 30, existing, Platform.ANDROID);

    assertThat(kicked).containsOnly(Map.entry(Platform.IOS, List.of("i1")), Map.entry(Platform.WEB, List.of("b1")));
  }

  @Test
  void pcAndOtherKeepsOneNonPcTokenPreferringAndroidForAPcLogin() {
    var existing = tokens(Platform.IOS, List.of("i1"), Platform.ANDROID, List.of("a1", "a2"),
        Platform.LINUX, List.of("l1"));

    var kicked = LoginPolicy.kicks(LoginPolicy.PC_AND_ONE_OTHER, 30, existing, Platform.WINDOWS);

    assertThat(kicked).containsOnly(Map.entry(Platform.IOS, List.of("i1")), Map.entry(Platform.ANDROID, List.of("a1")));
  }

  @Test
  void anUnknownPolicyFailsTheIssuanceAsAnInternalError() {
    assertThatThrownBy(() -> LoginPolicy.kicks(7, 30, Map.of(), Platform.ANDROID))
        .isInstanceOfSatisfying(ImError.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INTERNAL));
  }
}
