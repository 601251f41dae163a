package io.imflux.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.imflux.api.Platform;
import io.imflux.auth.LoginPolicy;
import io.imflux.gateway.LoginKicks.Decision;
import io.imflux.gateway.LoginKicks.Invalidation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The connection-time kicks of every multi-login policy (spec/gateway.md §15). */
class LoginKicksTest {

  record Conn(Platform platform, String token) {}

  private static final Conn ANDROID_OLD = new Conn(Platform.ANDROID, "a1");
  private static final Conn ANDROID_SAME = new Conn(Platform.ANDROID, "new");
  private static final Conn IOS = new Conn(Platform.IOS, "i1");
  private static final Conn WINDOWS = new Conn(Platform.WINDOWS, "w1");
  private static final Conn LINUX = new Conn(Platform.LINUX, "l1");
  private static final Conn WEB = new Conn(Platform.WEB, "b1");
  private static final Conn IPAD = new Conn(Platform.IPAD, "p1");
  private static final List<Conn> ALL = List.of(ANDROID_OLD, ANDROID_SAME, IOS, WINDOWS, LINUX, WEB, IPAD);

  @Test
  void nobodyIsKickedWithoutExistingConnections() {
    for (int policy : new int[] {0, 1, 4, 5}) {
      assertThat(decide(policy, List.of(), Platform.ANDROID)).isEqualTo(Decision.none());
    }
  }

  @Test
  void policy0KicksNobody() {
    assertThat(decide(LoginPolicy.KEEP_UP_TO_MAX, ALL, Platform.ANDROID)).isEqualTo(Decision.none());
  }

  /** Policy 1: the platform's connections with another token; then the platform's other tokens are invalidated. */
  @Test
  void policy1KicksTheSamePlatformExceptTheSameToken() {
    Decision<Conn> decision = decide(LoginPolicy.ONE_PER_PLATFORM, ALL, Platform.ANDROID);
    assertThat(decision.kicked()).containsExactly(ANDROID_OLD);
    assertThat(decision.invalidation()).isEqualTo(Invalidation.PLATFORM_EXCEPT_NEW);
    Decision<Conn> sameTokenOnly = decide(LoginPolicy.ONE_PER_PLATFORM, List.of(ANDROID_SAME, IOS), Platform.ANDROID);
    assertThat(sameTokenOnly.kicked()).isEmpty();
    assertThat(sameTokenOnly.invalidation()).isEqualTo(Invalidation.PLATFORM_EXCEPT_NEW);
    assertThat(decide(LoginPolicy.ONE_PER_PLATFORM, List.of(IOS, WEB), Platform.ANDROID)).isEqualTo(Decision.none());
  }

  /** Policy 4: the whole class of the new platform, then exactly the kicked tokens. */
  @Test
  void policy4KicksTheSameClass() {
    Decision<Conn> mobile = decide(LoginPolicy.ONE_PER_CLASS, ALL, Platform.ANDROID);
    assertThat(mobile.kicked()).containsExactly(ANDROID_OLD, IOS);
    assertThat(mobile.invalidation()).isEqualTo(Invalidation.KICKED_TOKENS);
    assertThat(decide(LoginPolicy.ONE_PER_CLASS, ALL, Platform.OSX).kicked()).containsExactly(WINDOWS, LINUX);
    assertThat(decide(LoginPolicy.ONE_PER_CLASS, ALL, Platform.APAD).kicked()).containsExactly(IPAD);
    assertThat(decide(LoginPolicy.ONE_PER_CLASS, ALL, Platform.HARMONY_OS).kicked()).isEmpty();
  }

  /** Policy 5: a PC login kicks nobody; any other kicks every non-PC connection. */
  @Test
  void policy5KeepsPcAndOneOther() {
    assertThat(decide(LoginPolicy.PC_AND_ONE_OTHER, ALL, Platform.LINUX)).isEqualTo(Decision.none());
    Decision<Conn> web = decide(LoginPolicy.PC_AND_ONE_OTHER, ALL, Platform.WEB);
    assertThat(web.kicked()).containsExactly(ANDROID_OLD, IOS, WEB, IPAD);
    assertThat(web.invalidation()).isEqualTo(Invalidation.PLATFORM_EXCEPT_NEW);
    Decision<Conn> android = decide(LoginPolicy.PC_AND_ONE_OTHER, ALL, Platform.ANDROID);
    assertThat(android.kicked()).containsExactly(ANDROID_OLD, IOS, WEB, IPAD);
    Decision<Conn> onlyPc = decide(LoginPolicy.PC_AND_ONE_OTHER, List.of(WINDOWS), Platform.ANDROID);
    assertThat(onlyPc.kicked()).isEmpty();
    assertThat(onlyPc.invalidation()).isEqualTo(Invalidation.PLATFORM_EXCEPT_NEW);
  }

  @Test
  void unknownPoliciesKickNobody() {
    assertThat(decide(2, ALL, Platform.ANDROID)).isEqualTo(Decision.none());
    assertThat(decide(3, ALL, Platform.ANDROID)).isEqualTo(Decision.none());
  }

  private static Decision<Conn> decide(int policy, List<Conn> existing, Platform platform) {
    return LoginKicks.decide(policy, existing, Conn::platform, Conn::token, platform, "new");
  }
}
